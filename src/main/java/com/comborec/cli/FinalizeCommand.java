package com.comborec.cli;

import com.comborec.contract.Schemas;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.publish.LatestPointer;
import com.comborec.publish.report.ManifestMerge;
import com.comborec.publish.report.ManifestSidecars;
import com.comborec.publish.report.Manifests;
import com.comborec.publish.report.StageManifests;
import com.comborec.store.PublishSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code finalize --date D}: the last task of a scheduler that runs one {@code run STAGE} per task.
 * Checks that every stage published for D and that every table they committed is complete, then
 * writes the day's full manifest (merged from the stages' own) and moves LATEST.
 */
@Command(
    name = "finalize",
    mixinStandardHelpOptions = true,
    header = "Publish a day whose stages ran one by one (Airflow).",
    description = {
      "Publish a day whose stages were run one by one (run STAGE --date D):",
      "check every stage published and every table it committed has _SUCCESS, write the day's",
      "complete manifest (merged from the stage runs) and its report, then move LATEST.",
      "Exits 1 without touching anything when a stage or a table is missing."
    })
final class FinalizeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger("comborec");

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
    return OutputLocks.holding(
        config,
        day + "-finalize",
        "finalize --date " + day,
        () -> SparkCommand.withSpark(config, spark -> finalizeDay(spark, config, day)));
  }

  static int finalizeDay(SparkSession spark, ComboConfig config, LocalDate day) {
    String runId = day + "-finalize-" + UUID.randomUUID().toString().substring(0, 8);
    RunContext ctx = new RunContext(spark, config, day, runId);
    List<Map<String, Object>> runs = StageManifests.readAll(ctx.fs(), ctx.layout());
    List<String> missing = ManifestMerge.missingStages(runs, Stages.names());
    if (!missing.isEmpty()) {
      throw new ComborecException(
          ExitCode.FAILURE,
          String.format(
              "cannot finalize %s: no published run of "
                  + "stage(s) %s under %s (run STAGE --date %s first)",
              day, missing, StageManifests.folder(ctx.layout()), day));
    }
    List<String> notProduced = checkTables(ctx, runs);
    Map<String, Object> manifest =
        ManifestMerge.merge(
            runs,
            Stages.names(),
            ctx.runId(),
            config.get(PublishSettings.SECTION).schemaVersion(),
            Instant.now());
    Manifests.map(manifest, "finalize").put("tables_not_produced", notProduced);
    ctx.fs().writeStringAtomically(ctx.layout().manifest(), Json.write(manifest));
    ManifestSidecars.write(ctx, manifest);
    LatestPointer.advance(ctx);
    LOG.info(
        "[finalize] {} published from {} stage run(s); manifest {}; LATEST {}",
        day,
        runs.size(),
        ctx.layout().manifest(),
        LatestPointer.read(ctx));
    return ExitCode.PUBLISHED.code();
  }

  /**
   * Every contract table a stage run committed must have {@code dt=D/_SUCCESS}; returns the
   * contract tables no stage of this build produces (logged, and listed in the manifest).
   */
  private static List<String> checkTables(RunContext ctx, List<Map<String, Object>> runs) {
    TreeSet<String> committed = new TreeSet<>();
    runs.forEach(r -> committed.addAll(Manifests.map(r, "outputs").keySet()));
    List<String> incomplete = new ArrayList<>();
    List<String> notProduced = new ArrayList<>();
    for (String table : new TreeSet<>(Schemas.TABLES.keySet())) {
      if (table.equals("rejects")) {
        continue;
      }
      if (!committed.contains(table)) {
        notProduced.add(table);
      } else if (!ctx.fs().exists(ctx.layout().table(table) + "/_SUCCESS")) {
        incomplete.add(ctx.layout().table(table));
      }
    }
    if (!incomplete.isEmpty()) {
      throw new ComborecException(
          ExitCode.FAILURE,
          "cannot finalize " + ctx.runDate() + ": tables without _SUCCESS: " + incomplete);
    }
    if (!notProduced.isEmpty()) {
      LOG.info("[finalize] contract tables no stage of this build produces: {}", notProduced);
    }
    return notProduced;
  }
}
