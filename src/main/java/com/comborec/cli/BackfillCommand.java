package com.comborec.cli;

import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.core.Json;
import com.comborec.core.OutputLayout;
import com.comborec.core.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backfill --from D1 --to D2}: days in order, skipping those already done, stopping at a
 * failure.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Run a range of days in date order (all stages, or --stages).",
      "Resumable: a day whose manifest already says it published the same stages is skipped (unless"
          + " --force),",
      "so after a failure the same command continues where it stopped. Stops at the first failing"
          + " day,",
      "with that day's exit code."
    })
final class BackfillCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger("comborec");

  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "First day (inclusive).")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Last day (inclusive).")
  String to;

  @Option(
      names = "--stages",
      split = ",",
      paramLabel = "STAGE",
      description = "Only these stages (default: all).")
  List<String> stages = new ArrayList<>();

  @Option(names = "--force", description = "Re-run days that are already done.")
  boolean force;

  @Option(
      names = "--only-days-with-events",
      description =
          "Skip days that have no events partition (e.g. a shop closed on Sundays) instead of"
              + " failing with exit 3.")
  boolean onlyDaysWithEvents;

  @Option(
      names = "--single-pass",
      description =
          "With --stages ingest: ingest every un-ingested partition of the range in one Spark pass"
              + " (the last day's catch-up) instead of day by day; much faster, all or nothing,"
              + " gates judge the last day.")
  boolean singlePass;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    LocalDate first = DateOption.parse("--from", from);
    LocalDate last = DateOption.parse("--to", to);
    if (last.isBefore(first)) {
      throw ComborecException.usage("--to (%s) is before --from (%s)", last, first);
    }
    ComboConfig config = options.load();
    List<Stage<?>> selected = stages.isEmpty() ? Stages.all() : Stages.select(stages);
    boolean complete = selected.size() == Stages.all().size();
    if (singlePass && !stages.equals(List.of("ingest"))) {
      throw ComborecException.usage("--single-pass needs --stages ingest");
    }
    String lockId = "backfill-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String command = "backfill --from " + first + " --to " + last;
    return OutputLocks.holding(
        config, lockId, command, () -> runDays(config, first, last, selected, complete));
  }

  private int runDays(
      ComboConfig config,
      LocalDate first,
      LocalDate last,
      List<Stage<?>> selected,
      boolean complete) {
    if (singlePass) {
      long span = java.time.temporal.ChronoUnit.DAYS.between(first, last);
      ComboConfig catchUp = config.with("ingest.catch-up-days=" + span);
      return SparkCommand.withSpark(
          catchUp,
          spark ->
              PipelineRunner.run(
                      spark,
                      catchUp,
                      lastDayWithEvents(spark, catchUp, first, last),
                      selected,
                      false)
                  .code());
    }
    return SparkCommand.withSpark(
        config, spark -> backfill(spark, config, first, last, selected, complete));
  }

  private int backfill(
      SparkSession spark,
      ComboConfig config,
      LocalDate first,
      LocalDate last,
      List<Stage<?>> selected,
      boolean complete) {
    int ran = 0;
    int skipped = 0;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      if (skip(spark, config, day, selected)) {
        skipped++;
        continue;
      }
      LOG.info(
          "[backfill] {} ({} of {} days)",
          day,
          ran + skipped + 1,
          java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1);
      PipelineRunner.run(spark, config, day, selected, complete);
      ran++;
    }
    LOG.info("[backfill] done: {} day(s) run, {} skipped", ran, skipped);
    return ExitCode.PUBLISHED.code();
  }

  /** The last day of the range that has an events partition (the single pass runs as that day). */
  private LocalDate lastDayWithEvents(
      SparkSession spark, ComboConfig config, LocalDate first, LocalDate last) {
    com.comborec.core.Fs fs = new com.comborec.core.Fs(spark.sparkContext().hadoopConfiguration());
    for (LocalDate d = last; !d.isBefore(first); d = d.minusDays(1)) {
      if (fs.exists(config.paths().input() + "/events/" + OutputLayout.dt(d))) {
        return d;
      }
    }
    throw ComborecException.inputContract("no events partition between %s and %s", first, last);
  }

  private boolean skip(
      SparkSession spark, ComboConfig config, LocalDate day, List<Stage<?>> selected) {
    com.comborec.core.Fs fs = new com.comborec.core.Fs(spark.sparkContext().hadoopConfiguration());
    OutputLayout layout = new OutputLayout(config.paths(), day);
    if (onlyDaysWithEvents
        && !fs.exists(config.paths().input() + "/events/" + OutputLayout.dt(day))) {
      LOG.info("[backfill] {}: no events partition, skipped (--only-days-with-events)", day);
      return true;
    }
    if (force || !fs.exists(layout.manifest())) {
      return false;
    }
    java.util.Map<String, Object> manifest = Json.readMap(fs.readString(layout.manifest()));
    List<String> done = new ArrayList<>();
    if (manifest.get("stages") instanceof List<?> list) {
      list.forEach(s -> done.add(String.valueOf(((java.util.Map<?, ?>) s).get("name"))));
    }
    boolean covered = selected.stream().allMatch(s -> done.contains(s.name()));
    boolean published = "published".equals(manifest.get("status"));
    if (published && covered) {
      LOG.info(
          "[backfill] {}: already published with these stages, skipped (use --force to re-run)",
          day);
    }
    return published && covered;
  }
}
