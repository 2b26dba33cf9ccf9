package com.comborec.cli;

import com.comborec.contract.Source;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.RunContext;
import com.comborec.ingest.IngestStage;
import com.comborec.model.ModelSettings;
import com.comborec.model.ModelStage;
import com.comborec.model.evaluation.Backtest;
import com.comborec.model.evaluation.BacktestTable;
import com.comborec.model.evaluation.Protocol;
import com.comborec.model.evaluation.RollingEvaluation;
import com.comborec.store.ValidatedStore;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backtest}: rolling-origin evaluation of every generator, baseline and the served ranking
 * over a range of cutoffs, exactly as the nightly would have chosen and served on each day.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    header = "Score every generator, baseline and the served ranking at many cutoffs.",
    description = {
      "Measure every generator, baseline and the served ranking at the cutoffs D1, D1+N, ... <="
          + " D2,",
      "each on the purchases of the F days after it (items new to the user; --repeat counts",
      "repeats), with only what was known on the cutoff: the served option is chosen by the",
      "nightly's rule from the cutoffs before it. Prints NDCG@K per cutoff with the mean and the",
      "worst, and writes backtest.csv (P/R/NDCG/MAP@K, coverage, users) and backtest.md to --out.",
      "Ingests first (as 'run ingest' for D2+F: every un-ingested partition in the catch-up"
          + " window),",
      "unless --no-ingest. Parameters come from the configuration: vary them with --set."
    })
final class BacktestCommand implements Callable<Integer> {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "First cutoff.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last cutoff.")
  String to;

  @Option(
      names = "--every",
      defaultValue = "28",
      description = "Days between cutoffs (default ${DEFAULT-VALUE}).")
  int every;

  @Option(
      names = "--forward",
      defaultValue = "14",
      description =
          "Days after each cutoff whose purchases are relevant (default ${DEFAULT-VALUE}).")
  int forward;

  @Option(names = "--repeat", description = "Count repeat purchases as relevant too.")
  boolean repeat;

  @Option(
      names = "--out",
      defaultValue = "target/backtest",
      description = "Where backtest.csv and backtest.md go (default ${DEFAULT-VALUE}).")
  File out;

  @Option(names = "--no-ingest", description = "Use the work store as it is.")
  boolean noIngest;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    LocalDate first = DateOption.parse("--from", from);
    LocalDate last = DateOption.parse("--to", to);
    if (last.isBefore(first) || every < 1 || forward < 1) {
      throw ComborecException.usage(
          "backtest needs --from <= --to, --every >= 1 and --forward >= 1");
    }
    ComboConfig config = options.load();
    LocalDate end = last.plusDays(forward);
    // It may ingest and reads the work store: no nightly may write the same root meanwhile.
    return OutputLocks.holding(
        config,
        PipelineRunner.newRunId(end),
        "backtest --from " + first + " --to " + last,
        () -> measure(config, first, last, end));
  }

  private int measure(ComboConfig config, LocalDate first, LocalDate last, LocalDate end) {
    return SparkCommand.withSpark(
        config,
        spark -> {
          if (!noIngest) {
            PipelineRunner.run(spark, config, end, List.of(new IngestStage()), false);
          }
          RunContext ctx = new RunContext(spark, config, end, "backtest");
          Protocol protocol =
              ModelStage.protocol(ctx, config.get(ModelSettings.SECTION))
                  .withForwardDays(forward)
                  .withRepeats(repeat);
          int back = protocol.lookbackDays() + protocol.lookBehindDays();
          Dataset<Row> events =
              ValidatedStore.daily(ctx, Source.EVENTS, first.minusDays(back), end)
                  .persist(StorageLevel.MEMORY_AND_DISK());
          try (RollingEvaluation evaluation =
              new RollingEvaluation(events, protocol, ModelStage.snapshots(ctx), end)) {
            List<Backtest.Row> rows =
                Backtest.run(evaluation, Backtest.cutoffs(first, last, every));
            report(rows, protocol.k());
            return 0;
          } finally {
            events.unpersist();
          }
        });
  }

  private void report(List<Backtest.Row> rows, int k) {
    if (rows.isEmpty()) {
      throw ComborecException.inputContract(
          "no cutoff between %s and %s has %s",
          from, to, "enough history before it and its forward window inside the data");
    }
    String markdown = BacktestTable.markdown(rows, k);
    System.out.println(
        "NDCG@"
            + k
            + " ("
            + forward
            + "-day forward window"
            + (repeat ? ", repeats" : ", new items")
            + "):");
    System.out.println(markdown);
    rows.forEach(r -> System.out.println(r.cutoff() + " served " + r.served() + ": " + r.reason()));
    try {
      Files.createDirectories(out.toPath());
      Files.writeString(out.toPath().resolve("backtest.md"), markdown, StandardCharsets.UTF_8);
      Files.writeString(
          out.toPath().resolve("backtest.csv"), BacktestTable.csv(rows, k), StandardCharsets.UTF_8);
      System.out.println("written: " + out + "/backtest.md, " + out + "/backtest.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
