package com.comborec.recommend;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.core.RunContext;
import com.comborec.features.market.MarketStage;
import com.comborec.store.ValidatedStore;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the recommend stage reads: the model stage's work datasets and model.json, the
 * features stage's interactions, the optional segments, and the validated events, products and
 * feedback, and the market stage's item boosts. Optional inputs are null when absent; a missing
 * required one fails naming its path.
 */
public record RecommendInputs(
    ModelInfo model,
    Dataset<Row> interactions,
    Dataset<Row> userIndex,
    Dataset<Row> itemIndex,
    Dataset<Row> userFactors,
    Dataset<Row> itemFactors,
    Dataset<Row> cooc,
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

  // Schemas of the work datasets this stage reads (written by the features and model stages).
  static final StructType INTERACTIONS =
      new StructType()
          .add("user_id", StringType)
          .add("item_id", StringType)
          .add("strength", DoubleType);
  static final StructType USER_INDEX =
      new StructType().add("user_id", StringType).add("uid", IntegerType);
  static final StructType ITEM_INDEX =
      new StructType().add("item_id", StringType).add("iid", IntegerType);
  static final StructType FACTORS =
      new StructType()
          .add("id", IntegerType)
          .add("features", DataTypes.createArrayType(FloatType, false));
  static final StructType COOC =
      new StructType()
          .add("item_id", StringType)
          .add("other_item_id", StringType)
          .add("score", DoubleType);
  static final StructType POPULARITY =
      new StructType().add("item_id", StringType).add("score", DoubleType);
  static final StructType SEGMENT_POPULARITY =
      new StructType()
          .add("segment_id", IntegerType)
          .add("item_id", StringType)
          .add("score", DoubleType);

  static final StructType SIMILAR =
      new StructType()
          .add("item_id", StringType)
          .add("other_item_id", StringType)
          .add("similarity", DoubleType);

  public static RecommendInputs read(RunContext ctx, RecommendSettings s) {
    ModelInfo model = readModel(ctx, s);
    LocalDate dismissFrom = s.dismissFrom(ctx.runDate());
    return new RecommendInputs(
        model,
        required(ctx, "interactions", INTERACTIONS),
        required(ctx, "user_index", USER_INDEX),
        required(ctx, "item_index", ITEM_INDEX),
        required(ctx, "als_user_factors", FACTORS),
        required(ctx, "als_item_factors", FACTORS),
        required(ctx, "cooc", COOC),
        required(ctx, "popularity", POPULARITY),
        optional(ctx, "segment_popularity", SEGMENT_POPULARITY),
        optional(ctx, "segments", Schemas.SEGMENTS),
        ValidatedStore.users(ctx),
        ValidatedStore.events(ctx, ctx.config().lookbackDays()),
        ValidatedStore.products(ctx),
        ValidatedStore.daily(ctx, Source.FEEDBACK, dismissFrom, ctx.runDate()),
        dismissFrom,
        optional(ctx, MarketStage.ITEM_BOOSTS, MarketStage.ITEM_BOOSTS_SCHEMA),
        optional(ctx, "similar", SIMILAR));
  }

  /** {@code <work>/model/dt=D/model.json}. */
  static ModelInfo readModel(RunContext ctx, RecommendSettings s) {
    String path = ctx.layout().work("model") + "/model.json";
    if (!ctx.fs().exists(path)) {
      throw new IllegalStateException(
          "recommend needs " + path + ": run the model stage for this day first");
    }
    try {
      return ModelInfo.parse(ctx.fs().readString(path), s.candidatePool());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(path + ": " + e.getMessage(), e);
    }
  }

  private static Dataset<Row> required(RunContext ctx, String name, StructType schema) {
    String path = ctx.layout().work(name);
    if (!ctx.fs().exists(path)) {
      throw new IllegalStateException(
          "recommend needs the work dataset "
              + path
              + ": run the features and model stages for this day first");
    }
    return ctx.spark().read().schema(schema).parquet(path);
  }

  private static Dataset<Row> optional(RunContext ctx, String name, StructType schema) {
    String path = ctx.layout().work(name);
    if (!ctx.fs().exists(path)) {
      LOG.info("no {} at {}: going without", name, path);
      return null;
    }
    return ctx.spark().read().schema(schema).parquet(path);
  }
}
