package com.comborec.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import com.comborec.contract.Reason;
import com.comborec.core.RunContext;
import com.comborec.metrics.ExposureMetrics;
import com.comborec.metrics.SegmentBreakdown;
import com.comborec.model.candidates.Generator;
import com.comborec.model.candidates.Generators;
import com.comborec.model.candidates.TopItems;
import com.comborec.model.candidates.TrainingData;
import com.comborec.model.evaluation.Metrics;
import com.comborec.responsible.DiversifyLists;
import com.comborec.responsible.ResponsibleSettings;
import com.comborec.responsible.TradeOff;
import com.comborec.segment.SegmentSettings;
import com.comborec.store.ValidatedStore;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accuracy-diversity trade-off on the nightly holdout, for {@code tune --trade-off}: EASE
 * fitted before the cutoff gives each evaluated user a pool of 3 x K candidates (prior purchases
 * excluded, as in serving); each grid point of {@link TradeOff} re-ranks the pools with the serving
 * re-ranker and is scored by NDCG@K on the held-out purchases and by the exposure figures of {@link
 * ExposureMetrics}. The pools are built once, so the grid costs one re-rank and one evaluation per
 * point.
 */
public final class DiversityTradeOff {
  /** The pool a list is picked from, as in serving (recommend's Ranking.POOL_FACTOR). */
  static final int POOL_FACTOR = 3;

  private static final Logger LOG = LoggerFactory.getLogger(DiversityTradeOff.class);

  private DiversityTradeOff() {}

  public static List<TradeOff.Point> evaluate(
      RunContext ctx, HoldoutSplit split, Dataset<Row> segments) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    int k = s.k();
    Dataset<Row> catalog = catalog(ctx, split).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> purchases =
        ExposureMetrics.purchaseCounts(split.trainEvents()).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> pools =
        ctx.step(
            "build holdout pools", () -> pools(ctx, split, segments, catalog, k * POOL_FACTOR));
    Dataset<Row> similar = similarPairs(ctx);
    try {
      long catalogSize = catalog.count();
      return TradeOff.evaluate(
          ResponsibleSettings.off()
              .with(1.0, 0)
              .withDebias(ctx.config().get(ResponsibleSettings.SECTION).popularityDebiasPower()),
          setting ->
              ctx.step(
                  "trade-off lambda " + setting.mmrLambda() + " cap " + setting.maxPerCategory(),
                  () -> {
                    Dataset<Row> lists =
                        DiversifyLists.rerank(
                                pools,
                                "candidates",
                                k,
                                DiversifyLists.prepare(setting, similar, purchases))
                            .persist(StorageLevel.MEMORY_AND_DISK());
                    try {
                      Dataset<Row> ranked =
                          lists.select(col("user_id"), col("items.item_id").as("items"));
                      Metrics m = Evaluation.evaluate(ranked, split.relevant(), k, catalogSize);
                      Map<String, Double> figures =
                          new TreeMap<>(
                              TradeOff.figures(
                                  m.ndcg(), ExposureMetrics.figures(lists, catalog, purchases)));
                      Map<String, Double> bySegment =
                          SegmentBreakdown.figures(
                              SegmentBreakdown.perUser(
                                  ranked,
                                  split.relevant(),
                                  pools.select("user_id", "segment_id"),
                                  k),
                              ctx.config().get(SegmentSettings.SECTION).minSize());
                      figures.put(
                          TradeOff.SEGMENT_NDCG_RANGE,
                          bySegment.getOrDefault(
                              SegmentBreakdown.PREFIX + ".spread.ndcg.range", Double.NaN));
                      return figures;
                    } finally {
                      lists.unpersist();
                    }
                  }));
    } finally {
      pools.unpersist();
      catalog.unpersist();
      purchases.unpersist();
    }
  }

  /**
   * user_id, segment_id, candidates (rank, item_id, score, category, reason, because_item_id,
   * relevance) of every evaluated user: EASE's top {@code pool} after prior purchases.
   */
  static Dataset<Row> pools(
      RunContext ctx, HoldoutSplit split, Dataset<Row> segments, Dataset<Row> catalog, int pool) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    TrainingData data =
        new TrainingData(
            split.cutoff(), split.trainEvents(), ModelStage.protocol(ctx, s).generators(), false);
    Dataset<Row> top =
        TopItems.perUser(Generators.candidates(Generator.EASE, data, split.users(), pool), pool)
            .join(catalog, new String[] {"item_id"}, "left");
    Column size = count(lit(1)).over(Window.partitionBy("user_id"));
    Column candidate =
        struct(
            col("rank"),
            col("item_id"),
            col("score"),
            col("category"),
            lit(Reason.PERSONAL.code()).as("reason"),
            lit(null).cast("string").as("because_item_id"),
            col("relevance"));
    Dataset<Row> bySegment =
        segments == null
            ? split.users().withColumn("segment_id", lit(0))
            : split
                .users()
                .join(segments.select("user_id", "segment_id"), new String[] {"user_id"}, "left")
                .withColumn("segment_id", coalesce(col("segment_id"), lit(0)));
    Dataset<Row> out =
        top.withColumn("relevance", lit(1.0).minus(col("rank").minus(1).divide(size)))
            .groupBy("user_id")
            .agg(sort_array(collect_list(candidate)).as("candidates"))
            .join(bySegment, "user_id")
            .select("user_id", "segment_id", "candidates")
            .persist(StorageLevel.MEMORY_AND_DISK());
    LOG.info("trade-off pools: {} users, up to {} candidates each", out.count(), pool);
    data.close();
    return out;
  }

  /**
   * Active items of the catalog snapshot with their category; without a snapshot, the items of the
   * train events (no category), as the model stage counts its catalog.
   */
  static Dataset<Row> catalog(RunContext ctx, HoldoutSplit split) {
    Dataset<Row> active =
        ValidatedStore.products(ctx)
            .filter(coalesce(col("active"), lit(true)))
            .select("item_id", "category");
    if (!active.isEmpty()) {
      return active;
    }
    return split
        .trainEvents()
        .select("item_id")
        .distinct()
        .withColumn("category", lit(null).cast("string"));
  }

  /**
   * The combos stage's similar pairs of the run day, or null: MMR then has nothing to diversify by.
   */
  private static Dataset<Row> similarPairs(RunContext ctx) {
    if (!WorkStore.exists(ctx, WorkDataset.SIMILAR)) {
      LOG.warn(
          "no similar pairs for {} (run the combos stage for this day): MMR rows equal relevance"
              + " order",
          ctx.runDate());
      return null;
    }
    return WorkStore.read(ctx, WorkDataset.SIMILAR)
        .select("item_id", "other_item_id", "similarity");
  }
}
