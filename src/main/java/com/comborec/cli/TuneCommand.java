package com.comborec.cli;

import com.comborec.contract.Source;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.model.DiversityTradeOff;
import com.comborec.model.HoldoutSplit;
import com.comborec.model.ModelSettings;
import com.comborec.model.ModelStage;
import com.comborec.responsible.TradeOff;
import com.comborec.store.ValidatedStore;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tune --date D}: the accuracy-diversity trade-off of re-ranked lists on day D's recent
 * purchases. Model parameters are chosen with {@code backtest} across many cutoffs instead: one
 * holdout window tuned once did not carry over to a later season.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    header = "Print the accuracy-diversity trade-off before a day.",
    description = {
      "Print the accuracy-diversity trade-off on the last model.eval.forward-days days before D:",
      "NDCG@K, intra-list diversity, coverage, Gini, long-tail share and novelty of EASE's lists",
      "re-ranked with every MMR weight (1.0, 0.8, 0.6, 0.4) and category cap (off, 3, 2); '*'",
      "marks the Pareto front. Needs the work store of day D (ingest, segment and combos stages:",
      "the combos stage's similar pairs drive MMR). To choose model parameters, use backtest."
    })
final class TuneCommand implements Callable<Integer> {
  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The day whose last days are measured.")
  String date;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    ComboConfig config = options.load();
    LocalDate day = DateOption.parse("--date", date);
    return SparkCommand.withSpark(
        config,
        spark -> {
          RunContext ctx = new RunContext(spark, config, day, "tune");
          int forward = config.get(ModelSettings.SECTION).eval().forwardDays();
          HoldoutSplit split =
              HoldoutSplit.split(
                      ValidatedStore.daily(
                          ctx, Source.EVENTS, day.minusDays(config.lookbackDays() - 1L), day),
                      day,
                      forward)
                  .persist();
          try {
            System.out.println(
                "accuracy-diversity trade-off on the last "
                    + forward
                    + " days (EASE candidates, '*' = Pareto front):");
            System.out.println(
                TradeOff.render(
                    DiversityTradeOff.evaluate(ctx, split, ModelStage.readSegments(ctx))));
          } finally {
            split.release();
          }
          return 0;
        });
  }
}
