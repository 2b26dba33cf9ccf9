package com.comborec.it;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.TaskContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Test code (never in the product jar): fails the first attempt of every task that a named stage
 * runs, so a test can show that Spark's task retries make the run succeed with unchanged outputs. A
 * Spark plugin, enabled by two Spark properties (see {@link #sparkConf}), e.g. on the submit line
 * {@code --conf spark.plugins=com.comborec.it.TaskFaults --conf
 * spark.comborec.faults.failFirstTaskAttempt=ingest}.
 *
 * <p>A task's stage is read from the job description that {@link StepTimer} sets ({@code "<stage>:
 * <step>"}). The failure is raised as the attempt completes, from a task completion listener,
 * because Spark logs and ignores exceptions thrown by a plugin's {@code onTaskStart}; Spark then
 * discards the attempt's result and runs the task again.
 */
public final class TaskFaults implements SparkPlugin {
  public static final String STAGES_KEY = "spark.comborec.faults.failFirstTaskAttempt";

  /** The Spark properties that fail the first attempt of the tasks of {@code stages}. */
  public static Map<String, String> sparkConf(String... stages) {
    return Map.of(
        "spark.plugins", TaskFaults.class.getName(), STAGES_KEY, String.join(",", stages));
  }

  /** Whether a task of a job with this description belongs to one of the stages. */
  static boolean targets(Set<String> stages, String jobDescription) {
    if (jobDescription == null) {
      return false;
    }
    int colon = jobDescription.indexOf(": ");
    return colon > 0 && stages.contains(jobDescription.substring(0, colon));
  }

  static Set<String> parse(String stages) {
    return Arrays.stream(stages.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }

  @Override
  public DriverPlugin driverPlugin() {
    return null;
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    return new FirstAttemptFailer();
  }

  /** The executor side: arms a failing completion listener on first attempts of targeted tasks. */
  static final class FirstAttemptFailer implements ExecutorPlugin {
    private Set<String> stages = Set.of();

    @Override
    public void init(PluginContext ctx, Map<String, String> extraConf) {
      stages = parse(ctx.conf().get(STAGES_KEY, ""));
    }

    @Override
    public void onTaskStart() {
      TaskContext task = TaskContext.get();
      String description = task.getLocalProperty("spark.job.description");
      if (task.attemptNumber() == 0 && targets(stages, description)) {
        task.addTaskCompletionListener(
            (TaskCompletionListener)
                done -> {
                  throw new IllegalStateException(
                      String.format(
                          "injected first-attempt failure of task %d.%d in " + "stage %d (%s; %s)",
                          done.partitionId(),
                          done.attemptNumber(),
                          done.stageId(),
                          description,
                          STAGES_KEY));
                });
      }
    }
  }
}
