package com.comborec.cli;

import com.comborec.core.ComboConfig;
import com.comborec.core.RunHooks;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nightly --date D}: every stage for day D, then publish and move LATEST. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Run every stage for one day and publish its tables, manifest and LATEST.",
      "Idempotent: re-running a day replaces exactly that day's folders."
    })
final class NightlyCommand implements Callable<Integer> {
  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The run day.")
  String date;

  @Option(
      names = "--override-model-gate",
      description =
          "Publish even if the model quality gate would refuse (same as --set"
              + " model.gate.override=true).")
  boolean overrideModelGate;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    LocalDate day = DateOption.parse("--date", date);
    ComboConfig config = options.load();
    if (overrideModelGate) {
      config = ModelGateOverride.apply(config);
    }
    ComboConfig effective = config;
    String runId = PipelineRunner.newRunId(day);
    int code =
        OutputLocks.holding(
            effective,
            runId,
            "nightly --date " + day,
            () ->
                SparkCommand.withSpark(
                    effective,
                    spark ->
                        PipelineRunner.run(
                                spark, effective, day, Stages.all(), true, RunHooks.NONE, runId)
                            .code()));
    System.out.printf(
        "comborec: published %s to %s (manifest _manifests/dt=%s.json, LATEST)%n",
        day, effective.paths().output(), day);
    return code;
  }
}
