package com.comborec.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;

import com.comborec.core.Figures;
import com.comborec.core.RunContext;
import com.comborec.features.InteractionSettings;
import com.comborec.features.Interactions;
import com.comborec.metrics.ExposureMetrics;
import com.comborec.metrics.SegmentBreakdown;
import com.comborec.model.candidates.Popularity;
import com.comborec.model.candidates.TrainSet;
import com.comborec.segment.SegmentSettings;
import com.comborec.store.ValidatedStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly offline evaluation: every candidate (als, cooccurrence, blend) and baseline
 * (global_popular, segment_popular) trained on the holdout split's training period, filtered as
 * serving filters (no item the user bought before the cutoff), cut to K and scored.
 */
public final class OfflineEvaluation {
  /**
   * Lists are fetched this many items deeper than needed to survive the serving filter; a user who
   * bought more distinct items than this before the cutoff may get fewer than K.
   */
  static final int MAX_EXCLUDED = 200;

  private static final Logger LOG = LoggerFactory.getLogger(OfflineEvaluation.class);

  private OfflineEvaluation() {}

  /** What the evaluation needs besides the split; {@code segments} is null when absent. */
  public record Inputs(
      Map<String, Double> weights,
      InteractionSettings interactions,
      ModelSettings model,
      Dataset<Row> segments,
      long catalogSize) {}

  /**
   * Metrics by name, candidates first, then baselines (segment_popular only with segments), and
   * each list's per-segment accuracy and exposure figures ({@code responsible} section, nested).
   */
  public record Evaluated(Map<String, Metrics> metrics, Map<String, Object> responsible) {}

  public static Evaluated run(RunContext ctx, HoldoutSplit split, Inputs in) {
    Map<String, Object> responsible = new LinkedHashMap<>();
    Map<String, Metrics> metrics = run(ctx, split, in, responsible);
    return new Evaluated(metrics, Figures.nest(responsible, "responsible"));
  }

  private static Map<String, Metrics> run(
      RunContext ctx, HoldoutSplit split, Inputs in, Map<String, Object> responsible) {
    ModelSettings s = in.model();
    if (split.users().isEmpty()) {
      LOG.warn(
          "no user with a training event bought a new item after {}: nothing to evaluate",
          split.cutoff());
      return nothingEvaluated(in);
    }
    int k = s.k();
    TrainSet train =
        ctx.step(
            "index holdout interactions",
            () ->
                TrainSet.fromEvents(
                    split.trainEvents(),
                    in.weights(),
                    in.interactions(),
                    Interactions.endOfDay(split.cutoff(), ctx.config().timeZone())));
    int n = Math.max(k, s.blendDepth()) + excludedDepth(split);
    Map<String, Metrics> out = new LinkedHashMap<>();
    Dataset<Row> als =
        ctx.step(
            "evaluate als",
            () ->
                cache(
                    Evaluation.exclude(
                        Candidates.als(train, split.users(), s.als(), n), split.prior())));
    out.put(Candidates.ALS, score(ctx, Candidates.ALS, als, split, in, responsible));
    // Cut to the same depth as the ALS lists before the serving filter: every candidate that can
    // reach a top K or the blend's depth survives, and the cached frame stays n rows per user
    // instead of every (user, neighbour) pair (hundreds of millions of rows at 20M events).
    Dataset<Row> cooc =
        cache(
            Evaluation.exclude(
                Evaluation.topPerUser(Candidates.cooccurrence(train, split.users(), s), n)
                    .drop("rank"),
                split.prior()));
    out.put(
        Candidates.COOCCURRENCE, score(ctx, Candidates.COOCCURRENCE, cooc, split, in, responsible));
    out.put(
        Candidates.BLEND,
        score(
            ctx,
            Candidates.BLEND,
            Blend.blend(als, cooc, s.blendWeight(), s.blendDepth()),
            split,
            in,
            responsible));
    als.unpersist();
    cooc.unpersist();
    train.release();
    baselines(ctx, split, in, n, responsible).forEach(out::put);
    return out;
  }

  private static Map<String, Metrics> nothingEvaluated(Inputs in) {
    Map<String, Metrics> out = new LinkedHashMap<>();
    for (String name :
        List.of(
            Candidates.ALS, Candidates.COOCCURRENCE, Candidates.BLEND, Candidates.GLOBAL_POPULAR)) {
      out.put(name, Metrics.none());
    }
    if (in.segments() != null) {
      out.put(Candidates.SEGMENT_POPULAR, Metrics.none());
    }
    return out;
  }

  private static Map<String, Metrics> baselines(
      RunContext ctx, HoldoutSplit split, Inputs in, int n, Map<String, Object> responsible) {
    Map<String, Metrics> out = new LinkedHashMap<>();
    int days = in.model().popularityWindowDays();
    Dataset<Row> popularity =
        cache(
            Candidates.popularity(
                split.trainEvents(), in.weights(), in.interactions(), split.cutoff(), days));
    out.put(
        Candidates.GLOBAL_POPULAR,
        score(
            ctx,
            Candidates.GLOBAL_POPULAR,
            Evaluation.exclude(Candidates.popular(popularity, split.users(), n), split.prior()),
            split,
            in,
            responsible));
    if (in.segments() != null) {
      Dataset<Row> bySegment =
          Popularity.bySegment(
              split.trainEvents(),
              in.segments(),
              in.weights(),
              in.interactions().quantityDamping(),
              split.cutoff(),
              days);
      out.put(
          Candidates.SEGMENT_POPULAR,
          score(
              ctx,
              Candidates.SEGMENT_POPULAR,
              Evaluation.exclude(
                  Candidates.segmentPopular(bySegment, popularity, in.segments(), split.users(), n),
                  split.prior()),
              split,
              in,
              responsible));
    }
    popularity.unpersist();
    return out;
  }

  private static Metrics score(
      RunContext ctx,
      String name,
      Dataset<Row> scored,
      HoldoutSplit split,
      Inputs in,
      Map<String, Object> responsible) {
    Dataset<Row> lists =
        Evaluation.topK(scored, in.model().k()).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Metrics m =
          ctx.step(
              "score " + name,
              () -> Evaluation.evaluate(lists, split.relevant(), in.model().k(), in.catalogSize()));
      ctx.step(
          "measure " + name + " by segment and exposure",
          () -> putResponsibleFigures(ctx, name, lists, split, in, responsible));
      return m;
    } finally {
      lists.unpersist();
    }
  }

  /**
   * The candidate's holdout lists measured as the published ones are: accuracy per segment with the
   * worst-to-best spread ({@code responsible.accuracy.<name>.}), and exposure, long tail, novelty
   * and diversity ({@code responsible.holdout.<name>.}). Segments below the segment stage's minimum
   * size are left out of the spread.
   */
  private static void putResponsibleFigures(
      RunContext ctx,
      String name,
      Dataset<Row> lists,
      HoldoutSplit split,
      Inputs in,
      Map<String, Object> responsible) {
    Dataset<Row> segments =
        in.segments() != null
            ? in.segments()
            : split.users().withColumn("segment_id", functions.lit(0));
    Dataset<Row> perUser =
        SegmentBreakdown.perUser(lists, split.relevant(), segments, in.model().k());
    SegmentBreakdown.figures(perUser, ctx.config().get(SegmentSettings.SECTION).minSize())
        .forEach(
            (key, value) ->
                responsible.put(
                    key.replace(SegmentBreakdown.PREFIX, SegmentBreakdown.PREFIX + "." + name),
                    value));
    Dataset<Row> asPublished =
        lists
            .join(segments.select("user_id", "segment_id"), new String[] {"user_id"}, "left")
            .select(
                col("user_id"),
                functions.coalesce(col("segment_id"), functions.lit(-1)).as("segment_id"),
                functions
                    .transform(col("items"), i -> functions.struct(i.as("item_id")))
                    .as("items"));
    Dataset<Row> catalog =
        ValidatedStore.products(ctx)
            .filter(functions.coalesce(col("active"), functions.lit(true)))
            .select("item_id", "category");
    ExposureMetrics.figures(
            asPublished, catalog, ExposureMetrics.purchaseCounts(split.trainEvents()))
        .forEach(
            (key, value) -> {
              // Per-segment exposure of every candidate would swamp the manifest.
              if (!key.contains(".segments.")) {
                responsible.put(
                    key.replace(ExposureMetrics.PREFIX, "responsible.holdout." + name), value);
              }
            });
  }

  /** The most items an evaluated user bought before the cutoff, capped at {@link #MAX_EXCLUDED}. */
  static int excludedDepth(HoldoutSplit split) {
    Row r =
        split
            .prior()
            .join(split.users(), "user_id")
            .groupBy("user_id")
            .agg(count("*").as("n"))
            .agg(max(col("n")))
            .first();
    long most = r.isNullAt(0) ? 0 : r.getLong(0);
    return (int) Math.min(most, MAX_EXCLUDED);
  }

  private static Dataset<Row> cache(Dataset<Row> in) {
    return in.persist(StorageLevel.MEMORY_AND_DISK());
  }
}
