package com.comborec.model;

import com.comborec.core.RunContext;
import com.comborec.features.InteractionSettings;
import com.comborec.features.Interactions;
import com.comborec.ingest.IngestSettings;
import com.comborec.model.candidates.AlsParams;
import com.comborec.model.candidates.TrainSet;
import com.comborec.store.ValidatedStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grid search of ALS rank, regParam, alpha and the interaction half-life on the nightly holdout
 * split (same split, filter and metrics as the model stage), best NDCG@K first.
 */
public final class Tuner {
  private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);

  private Tuner() {}

  /** Splits the run's look-back window at run day - holdout-days and searches the grid. */
  public static List<TuneResult> search(RunContext ctx, TuneGrid grid) {
    HoldoutSplit split = holdout(ctx);
    try {
      return search(ctx, split, grid);
    } finally {
      split.release();
    }
  }

  /** The run's holdout split (cached): the look-back window cut at run day - holdout-days. */
  public static HoldoutSplit holdout(RunContext ctx) {
    Dataset<Row> events = ValidatedStore.events(ctx, ctx.config().lookbackDays());
    return HoldoutSplit.split(
            events, ctx.runDate(), ctx.config().get(ModelSettings.SECTION).eval().holdoutDays())
        .persist();
  }

  /** Every grid point on the given split, sorted by NDCG@K (then P@K) descending. */
  public static List<TuneResult> search(RunContext ctx, HoldoutSplit split, TuneGrid grid) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    int n = s.k() + OfflineEvaluation.excludedDepth(split);
    List<TuneResult> out = new ArrayList<>();
    for (double halfLife : grid.halfLifeDays()) {
      InteractionSettings is = ctx.config().get(InteractionSettings.SECTION).withHalfLife(halfLife);
      TrainSet train =
          TrainSet.fromEvents(
              split.trainEvents(),
              ctx.config().get(IngestSettings.SECTION).eventTypeWeights(),
              is,
              Interactions.endOfDay(split.cutoff(), ctx.config().timeZone()));
      for (int rank : grid.ranks()) {
        for (double reg : grid.regParams()) {
          for (double alpha : grid.alphas()) {
            AlsParams p = s.als().with(rank, reg, alpha);
            out.add(
                ctx.step(
                    String.format(Locale.ROOT, "tune %s half-life %s", p.asMap(), halfLife),
                    () -> fitOne(split, train, p, halfLife, s.k(), n)));
          }
        }
      }
      train.release();
    }
    out.sort(
        Comparator.comparingDouble(TuneResult::ndcg)
            .thenComparingDouble(TuneResult::precision)
            .reversed());
    return out;
  }

  private static TuneResult fitOne(
      HoldoutSplit split, TrainSet train, AlsParams p, double halfLife, int k, int n) {
    long start = System.nanoTime();
    Dataset<Row> scored =
        Evaluation.exclude(Candidates.als(train, split.users(), p, n), split.prior());
    Metrics m = Evaluation.evaluate(Evaluation.topK(scored, k), split.relevant(), k, 0);
    double seconds = (System.nanoTime() - start) / 1e9;
    LOG.info(
        "tune rank={} reg={} alpha={} half-life={}: NDCG@{}={}",
        p.rank(),
        p.regParam(),
        p.alpha(),
        halfLife,
        k,
        m.ndcg());
    return new TuneResult(
        p.rank(),
        p.regParam(),
        p.alpha(),
        halfLife,
        m.ndcg(),
        m.precision(),
        m.recall(),
        m.map(),
        seconds);
  }

  /** A fixed-width table, one row per fit, in the given order. */
  public static String renderTable(List<TuneResult> results) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%5s %9s %7s %9s %9s %9s %9s %9s %8s%n",
                "rank",
                "regParam",
                "alpha",
                "halfLife",
                "NDCG@K",
                "P@K",
                "R@K",
                "MAP@K",
                "seconds"));
    for (TuneResult r : results) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%5d %9.4f %7.2f %9.1f %9.5f %9.5f %9.5f %9.5f %8.1f%n",
              r.rank(),
              r.regParam(),
              r.alpha(),
              r.halfLifeDays(),
              r.ndcg(),
              r.precision(),
              r.recall(),
              r.map(),
              r.seconds()));
    }
    return sb.toString();
  }

  /** A HOCON snippet with the best values, to paste into a conf file. */
  public static String renderConf(TuneResult best) {
    return String.format(
        Locale.ROOT,
        "# best NDCG@K %.5f (P@K %.5f, R@K %.5f, MAP@K %.5f)%n"
            + "comborec {%n"
            + "  interactions { half-life-days = %s }%n"
            + "  model { als { rank = %d, reg-param = %s, alpha = %s } }%n"
            + "}%n",
        best.ndcg(),
        best.precision(),
        best.recall(),
        best.map(),
        plain(best.halfLifeDays()),
        best.rank(),
        plain(best.regParam()),
        plain(best.alpha()));
  }

  /** 60.0 -> "60", 0.05 -> "0.05": what a person would type. */
  static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
