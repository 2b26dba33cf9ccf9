package com.comborec.cli;

import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.model.DiversityTradeOff;
import com.comborec.model.HoldoutSplit;
import com.comborec.model.ModelStage;
import com.comborec.model.TuneGrid;
import com.comborec.model.TuneResult;
import com.comborec.model.Tuner;
import com.comborec.responsible.TradeOff;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tune --date D}: grid search of ALS and decay settings on the nightly holdout. */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = {
      "Search rank, regParam, alpha and half-life on the holdout of day D (the last",
      "model.eval.holdout-days days), print a table of the results by NDCG@K, and write the best",
      "values as a conf file to include or pass with --conf. Reads the work store: ingest D first."
    })
final class TuneCommand implements Callable<Integer> {
  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The day whose holdout is used.")
  String date;

  @Option(names = "--ranks", split = ",", description = "ALS ranks (default 16,32,64).")
  List<Integer> ranks = new ArrayList<>();

  @Option(
      names = "--reg-params",
      split = ",",
      description = "ALS regParam values (default 0.01,0.1).")
  List<Double> regParams = new ArrayList<>();

  @Option(names = "--alphas", split = ",", description = "ALS alpha values (default 5,20).")
  List<Double> alphas = new ArrayList<>();

  @Option(
      names = "--half-lives",
      split = ",",
      description = "Interaction half-lives in days (default 30,90).")
  List<Double> halfLives = new ArrayList<>();

  @Option(
      names = "--write",
      paramLabel = "FILE",
      defaultValue = "target/tuned.conf",
      description = "Where to write the best values (default ${DEFAULT-VALUE}).")
  File write;

  @Option(
      names = "--trade-off",
      description = {
        "Also print the accuracy-diversity trade-off: NDCG@K, intra-list",
        "diversity, coverage, Gini, long-tail share and novelty of the holdout lists re-ranked with"
            + " every",
        "MMR weight (1.0, 0.8, 0.6, 0.4) and category cap (off, 3, 2). Needs the combos stage's"
            + " similar",
        "pairs of day D for MMR."
      })
  boolean tradeOff;

  @Option(
      names = "--no-grid",
      description = "Skip the ALS search (with --trade-off: only the trade-off table).")
  boolean noGrid;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    ComboConfig config = options.load();
    TuneGrid d = TuneGrid.defaults();
    TuneGrid grid =
        new TuneGrid(
            ranks.isEmpty() ? d.ranks() : ranks,
            regParams.isEmpty() ? d.regParams() : regParams,
            alphas.isEmpty() ? d.alphas() : alphas,
            halfLives.isEmpty() ? d.halfLifeDays() : halfLives);
    return SparkCommand.withSpark(
        config,
        spark -> {
          RunContext ctx = new RunContext(spark, config, DateOption.parse("--date", date), "tune");
          HoldoutSplit split = Tuner.holdout(ctx);
          try {
            if (!noGrid) {
              List<TuneResult> results = Tuner.search(ctx, split, grid);
              System.out.println(Tuner.renderTable(results));
              writeBest(results);
            }
            if (tradeOff) {
              System.out.println(
                  "accuracy-diversity trade-off on the holdout (blend candidates, '*' = Pareto"
                      + " front):");
              System.out.println(
                  TradeOff.render(
                      DiversityTradeOff.evaluate(ctx, split, ModelStage.readSegments(ctx))));
            }
          } finally {
            split.release();
          }
          return 0;
        });
  }

  private void writeBest(List<TuneResult> results) {
    if (results.isEmpty()) {
      return;
    }
    try {
      if (write.getParentFile() != null) {
        Files.createDirectories(write.getParentFile().toPath());
      }
      Files.writeString(write.toPath(), Tuner.renderConf(results.get(0)), StandardCharsets.UTF_8);
      System.out.println("best values written to " + write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
