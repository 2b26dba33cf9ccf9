package com.comborec.cli;

import com.comborec.core.ComboConfig;
import com.comborec.core.RunHooks;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run STAGE --date D}: one stage, reading what earlier stages left in the work store. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one stage for one day and commit the tables it produces.",
      "The stage reads what earlier stages of the same day left in the work store.",
      "Its manifest is marked partial, and LATEST does not move."
    })
final class RunCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "STAGE",
      completionCandidates = StageNames.class,
      description = "The stage to run, one of: ${COMPLETION-CANDIDATES}.")
  String stage;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The run day.")
  String date;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    LocalDate day = DateOption.parse("--date", date);
    ComboConfig config = options.load();
    List<com.comborec.core.Stage<?>> stages = List.of(Stages.named(stage));
    String runId = PipelineRunner.newRunId(day);
    return OutputLocks.holding(
        config,
        runId,
        "run " + stage + " --date " + day,
        () ->
            SparkCommand.withSpark(
                config,
                spark ->
                    PipelineRunner.run(spark, config, day, stages, false, RunHooks.NONE, runId)
                        .code()));
  }

  /** Stage names for the help text. */
  static final class StageNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Stages.names().iterator();
    }
  }
}
