package com.comborec.bundle;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import com.comborec.core.RunContext;
import com.comborec.features.market.MarketStage;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the work datasets the bundle stage needs from earlier stages, with explicit schemas: {@code
 * segments} (required) and {@code pair_stats} (optional: without it affinity is 0).
 */
public final class BundleInputs {
  public static final StructType SEGMENT_MEMBERS =
      new StructType().add("user_id", StringType, false).add("segment_id", IntegerType, false);

  public static final StructType PAIR_STATS =
      new StructType()
          .add("item_id", StringType, false)
          .add("other_item_id", StringType, false)
          .add("baskets", LongType, false)
          .add("confidence", DoubleType, false)
          .add("lift", DoubleType, false);

  private BundleInputs() {}

  public static Dataset<Row> segments(RunContext ctx) {
    String path = ctx.layout().work("segments");
    if (!ctx.fs().exists(path)) {
      throw new IllegalStateException(
          "work dataset segments is missing at "
              + path
              + ": the segment stage must run before the bundle stage");
    }
    return ctx.spark().read().schema(SEGMENT_MEMBERS).parquet(path);
  }

  /** The pair statistics of the combos stage, or none (so every affinity is 0) when absent. */
  public static Dataset<Row> pairStats(RunContext ctx) {
    String path = ctx.layout().work("pair_stats");
    if (!ctx.fs().exists(path)) {
      ctx.report().put("bundle.pair_stats", "absent");
      return ctx.spark().createDataFrame(List.of(), PAIR_STATS);
    }
    return ctx.spark().read().schema(PAIR_STATS).parquet(path);
  }

  /** The market stage's item boosts of the run day, or null (every demand weight 1) when absent. */
  public static Dataset<Row> itemBoosts(RunContext ctx) {
    String path = ctx.layout().work(MarketStage.ITEM_BOOSTS);
    if (!ctx.fs().exists(path)) {
      ctx.report().put("bundle.demand_weights", "absent");
      return null;
    }
    return MarketStage.readItemBoosts(ctx);
  }
}
