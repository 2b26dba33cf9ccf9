package com.comborec.ops;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.comborec.TestSpark;
import com.comborec.cli.Main;
import com.comborec.cli.Stages;
import com.comborec.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The Airflow DAG passes arguments the CLI accepts. Airflow is not installed (and need not be): the
 * DAG file is executed by python3 against tiny stand-ins of the two Airflow classes it uses, which
 * record every task's keyword arguments and upstream tasks as JSON.
 */
class AirflowDagTest {
  static final Path DAG = TestSpark.projectDir().resolve("jobs/airflow/comborec_nightly.py");
  static final String STUB_DAG =
      """
      class DAG:
          current = None
          def __init__(self, dag_id, **kwargs):
              self.dag_id, self.kwargs, self.tasks = dag_id, kwargs, []
          def __enter__(self):
              DAG.current = self
              return self
          def __exit__(self, *exc):
              DAG.current = None
      """;
  static final String STUB_OPERATOR =
      """
      from airflow import DAG
      class SparkSubmitOperator:
          def __init__(self, task_id, **kwargs):
              self.task_id, self.kwargs, self.upstream = task_id, kwargs, []
              DAG.current.tasks.append(self)
          def __rshift__(self, other):
              other.upstream.append(self.task_id)
              return other
      """;
  static final String DUMP =
      """
      import json, runpy, sys
      from airflow import DAG
      dags = [v for v in runpy.run_path(sys.argv[1]).values() if isinstance(v, DAG)]
      print(json.dumps([{"dag_id": d.dag_id, "kwargs": d.kwargs, "tasks": [
          {"task_id": t.task_id, "upstream": t.upstream, "kwargs": t.kwargs} for t in d.tasks]} for d in dags],
          default=str))
      """;

  @TempDir static Path tmp;
  static Map<String, Object> dag;
  static List<Map<String, Object>> tasks;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void loadDag() throws Exception {
    assumeTrue(python3Available(), "python3 is not installed");
    Path spark = tmp.resolve("airflow/providers/apache/spark/operators");
    Files.createDirectories(spark);
    for (Path p = spark; !p.equals(tmp); p = p.getParent()) {
      Files.writeString(p.resolve("__init__.py"), p.equals(tmp.resolve("airflow")) ? STUB_DAG : "");
    }
    Files.writeString(spark.resolve("spark_submit.py"), STUB_OPERATOR);
    Files.writeString(tmp.resolve("dump.py"), DUMP);
    String json = python(List.of("python3", tmp.resolve("dump.py").toString(), DAG.toString()));
    List<Object> dags = (List<Object>) Json.readMap("{\"dags\":" + json + "}").get("dags");
    assertEquals(1, dags.size(), "DAGs defined in " + DAG);
    dag = (Map<String, Object>) dags.get(0);
    tasks = (List<Map<String, Object>>) dag.get("tasks");
  }

  static boolean python3Available() {
    try {
      return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String python(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PYTHONPATH", tmp.toString());
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    pb.environment().put("COMBOREC_CONF_DIR", TestSpark.projectDir().resolve("conf").toString());
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), command + " failed:\n" + out);
    return out;
  }

  @Test
  void dagFileCompiles() throws Exception {
    // py_compile, with the .pyc written to the temp folder rather than beside the DAG
    python(
        List.of(
            "python3",
            "-c",
            "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], "
                + "doraise=True)",
            DAG.toString(),
            tmp.resolve("dag.pyc").toString()));
  }

  @SuppressWarnings("unchecked")
  static List<String> args(Map<String, Object> task) {
    return (List<String>) ((Map<String, Object>) task.get("kwargs")).get("application_args");
  }

  @Test
  void everyTaskPassesArgumentsTheCliParses() {
    for (Map<String, Object> task : tasks) {
      List<String> args = args(task);
      assertEquals(
          List.of("--date", "{{ ds }}"),
          args.subList(args.indexOf("--date"), args.indexOf("--date") + 2),
          task.get("task_id") + ": the run day is Airflow's {{ ds }}");
      String[] rendered =
          args.stream().map(a -> a.replace("{{ ds }}", "2011-07-31")).toArray(String[]::new);
      ParseResult parsed =
          assertDoesNotThrow(
              () -> new CommandLine(new Main()).parseArgs(rendered),
              task.get("task_id") + ": " + args);
      ParseResult sub = parsed.subcommand();
      assertEquals(rendered[0], sub.commandSpec().name(), task.get("task_id") + ": subcommand");
      assertEquals(
          "2011-07-31", sub.matchedOptionValue("--date", ""), task.get("task_id") + ": --date");
    }
  }

  @Test
  void tasksRunEachStageInOrderThenFinalize() {
    List<String> ids = new ArrayList<>();
    String previous = null;
    for (Map<String, Object> task : tasks) {
      String id = (String) task.get("task_id");
      assertEquals(
          previous == null ? List.of() : List.of(previous),
          task.get("upstream"),
          id + ": upstream tasks");
      List<String> args = args(task);
      List<String> expected = id.equals("finalize") ? List.of("finalize") : List.of("run", id);
      assertEquals(expected, args.subList(0, args.indexOf("--date")), id + ": command");
      ids.add(id);
      previous = id;
    }
    assertEquals("finalize", ids.get(ids.size() - 1), "the last task");
    List<String> dagStages = ids.subList(0, ids.size() - 1);
    // every stage the CLI registers is scheduled, in the CLI's order
    List<String> registeredInDag = dagStages.stream().filter(Stages.names()::contains).toList();
    assertEquals(
        Stages.names(),
        registeredInDag,
        "registered stages, in order, among the DAG's " + dagStages);
  }

  /**
   * Skipped (not failed) while other branches' stages are not merged yet: it names the DAG stages
   * that `run STAGE` would refuse today. Once every stage is registered it must pass.
   */
  @Test
  void everyDagStageIsRegistered() {
    List<String> unregistered =
        tasks.stream()
            .map(t -> (String) t.get("task_id"))
            .filter(id -> !id.equals("finalize") && !Stages.names().contains(id))
            .toList();
    assumeTrue(
        unregistered.isEmpty(),
        "DAG stages not registered in the CLI on this branch yet: " + unregistered);
  }

  @Test
  @SuppressWarnings("unchecked")
  void schedulingSettings() {
    Map<String, Object> kwargs = (Map<String, Object>) dag.get("kwargs");
    assertEquals(1, kwargs.get("max_active_runs"), "one day at a time");
    assertEquals(true, kwargs.get("catchup"), "catchup runs missed days in order");
    Map<String, Object> defaults = (Map<String, Object>) kwargs.get("default_args");
    assertEquals(
        true, defaults.get("depends_on_past"), "a day waits for the previous day's same task");
    assertTrue(((Number) defaults.get("retries")).intValue() >= 1, "retries");
    for (Map<String, Object> task : tasks) {
      Map<String, Object> k = (Map<String, Object>) task.get("kwargs");
      assertTrue(k.get("execution_timeout") != null, task.get("task_id") + ": execution_timeout");
      assertEquals(
          "com.comborec.cli.Main", k.get("java_class"), task.get("task_id") + ": main class");
      // a standalone cluster-mode driver gets no module flags from its Worker; KMeans needs
      // java.nio open
      String opens = "--add-opens=java.base/java.nio=ALL-UNNAMED";
      assertTrue(
          String.valueOf(k.get("driver_java_options")).contains(opens),
          task.get("task_id") + ": driver");
      Map<String, Object> conf = (Map<String, Object>) k.get("conf");
      assertTrue(
          String.valueOf(conf.get("spark.executor.extraJavaOptions")).contains(opens),
          task.get("task_id") + ": executors");
    }
  }
}
