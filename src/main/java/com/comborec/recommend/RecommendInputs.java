package com.comborec.recommend;

import com.comborec.contract.Source;
import com.comborec.core.RunContext;
import com.comborec.store.ValidatedStore;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkStore;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the recommend stage reads: the model stage's work datasets (the ALS factors,
 * co-occurrence neighbours or served lists of the serving candidate) and model.json, the features
 * stage's interactions, the optional segments, and the validated events, products and feedback, and
 * the market stage's item boosts. Optional inputs are null when absent; a missing required one
 * fails naming its path.
 */
public record RecommendInputs(
    ModelInfo model,
    Dataset<Row> interactions,
    Dataset<Row> userIndex,
    Dataset<Row> itemIndex,
    Dataset<Row> userFactors,
    Dataset<Row> itemFactors,
    Dataset<Row> cooc,
    Dataset<Row> servedLists,
    Dataset<Row> popularity,
    Dataset<Row> segmentPopularity,
    Dataset<Row> segments,
    Dataset<Row> users,
    Dataset<Row> events,
    Dataset<Row> products,
    Dataset<Row> feedback,
    LocalDate dismissFrom,
    Dataset<Row> itemBoosts,
    Dataset<Row> similar) {

  private static final Logger LOG = LoggerFactory.getLogger(RecommendInputs.class);

  public static RecommendInputs read(RunContext ctx, RecommendSettings s) {
    ModelInfo model = readModel(ctx);
    LocalDate dismissFrom = s.dismissFrom(ctx.runDate());
    return new RecommendInputs(
        model,
        WorkStore.read(ctx, WorkDataset.INTERACTIONS),
        WorkStore.read(ctx, WorkDataset.USER_INDEX),
        WorkStore.read(ctx, WorkDataset.ITEM_INDEX),
        model.usesAls() ? WorkStore.read(ctx, WorkDataset.ALS_USER_FACTORS) : null,
        model.usesAls() ? WorkStore.read(ctx, WorkDataset.ALS_ITEM_FACTORS) : null,
        model.usesCooccurrence() ? WorkStore.read(ctx, WorkDataset.COOC) : null,
        model.usesServedLists() ? WorkStore.read(ctx, WorkDataset.SERVED_LISTS) : null,
        WorkStore.read(ctx, WorkDataset.POPULARITY),
        optional(ctx, WorkDataset.SEGMENT_POPULARITY),
        optional(ctx, WorkDataset.SEGMENTS),
        ValidatedStore.users(ctx),
        ValidatedStore.events(ctx, ctx.config().lookbackDays()),
        ValidatedStore.products(ctx),
        ValidatedStore.daily(ctx, Source.FEEDBACK, dismissFrom, ctx.runDate()),
        dismissFrom,
        optional(ctx, WorkDataset.ITEM_BOOSTS),
        similarPairs(ctx));
  }

  /** {@code <work>/model/dt=D/model.json}. */
  static ModelInfo readModel(RunContext ctx) {
    String path = ctx.layout().work("model") + "/model.json";
    if (!ctx.fs().exists(path)) {
      throw new IllegalStateException(
          "recommend needs " + path + ": run the model stage for this day first");
    }
    try {
      return ModelInfo.parse(ctx.fs().readString(path));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(path + ": " + e.getMessage(), e);
    }
  }

  /** The dataset, or null (logged) when the stage that writes it did not run for this day. */
  private static Dataset<Row> optional(RunContext ctx, WorkDataset dataset) {
    Dataset<Row> rows = WorkStore.readIfPresent(ctx, dataset).orElse(null);
    if (rows == null) {
      LOG.info("no {} for {}: going without", dataset.folder(), ctx.runDate());
    }
    return rows;
  }

  /** The combos stage's similar pairs (without their rank), or null. */
  private static Dataset<Row> similarPairs(RunContext ctx) {
    Dataset<Row> similar = optional(ctx, WorkDataset.SIMILAR);
    return similar == null ? null : similar.select("item_id", "other_item_id", "similarity");
  }
}
