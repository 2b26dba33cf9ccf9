package com.comborec.store;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import com.comborec.contract.Schemas;
import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The schemas of the work datasets, in one place like the contract's {@link Schemas}: what one
 * stage leaves in the work store for another. {@link WorkDataset} pairs each with its name.
 */
public final class WorkSchemas {
  private WorkSchemas() {}

  /** features: implicit-feedback strength per (user, item) over the look-back window. */
  public static final StructType INTERACTIONS =
      new StructType()
          .add("user_id", StringType, false)
          .add("item_id", StringType, false)
          .add("strength", DoubleType, false);

  /** features: dense integer ids for ALS, built once per run. */
  public static final StructType USER_INDEX =
      new StructType().add("user_id", StringType, false).add("uid", IntegerType, false);

  public static final StructType ITEM_INDEX =
      new StructType().add("item_id", StringType, false).add("iid", IntegerType, false);

  /** market: one row per category and date of the long window. */
  public static final StructType MARKET_SIGNALS =
      new StructType()
          .add("category", StringType, false)
          .add("date", DateType, false)
          .add("demand_index", DoubleType, false)
          .add("short_mean", DoubleType, false)
          .add("long_mean", DoubleType, false)
          .add("long_days", LongType, false)
          .add("trend", DoubleType, true)
          .add("seasonal_index", DoubleType, true)
          .add("boost", DoubleType, false);

  /** market: each product's ranking boost from its category's signal. */
  public static final StructType ITEM_BOOSTS =
      new StructType()
          .add("item_id", StringType, false)
          .add("market_category", StringType, true)
          .add("trend", DoubleType, true)
          .add("boost", DoubleType, false)
          .add("rising", BooleanType, false);

  /** segment: every known user's segment (the public {@code segments} table's columns). */
  public static final StructType SEGMENTS = Schemas.SEGMENTS;

  /** combos: every ordered pair passing the minimums. */
  public static final StructType PAIR_STATS =
      new StructType()
          .add("item_id", StringType, false)
          .add("other_item_id", StringType, false)
          .add("baskets", LongType, false)
          .add("support", DoubleType, false)
          .add("confidence", DoubleType, false)
          .add("lift", DoubleType, false);

  /** combos: each item's ranked neighbours, long form. */
  public static final StructType SIMILAR =
      new StructType()
          .add("item_id", StringType, false)
          .add("other_item_id", StringType, false)
          .add("similarity", DoubleType, false)
          .add("rank", IntegerType, false);

  /** model: ALSModel's own factor layout. */
  public static final StructType FACTORS =
      new StructType()
          .add("id", IntegerType, false)
          .add("features", DataTypes.createArrayType(FloatType, false), true);

  /** model: top neighbours per item, both directions present. */
  public static final StructType COOC =
      new StructType()
          .add("item_id", StringType, false)
          .add("other_item_id", StringType, false)
          .add("score", DoubleType, false);

  public static final StructType POPULARITY =
      new StructType().add("item_id", StringType, false).add("score", DoubleType, false);

  public static final StructType SEGMENT_POPULARITY =
      new StructType()
          .add("segment_id", IntegerType, false)
          .add("item_id", StringType, false)
          .add("score", DoubleType, false);

  /** model: each user's served list of the chosen option, before the recommend stage's filters. */
  public static final StructType SERVED_LISTS =
      new StructType()
          .add("user_id", StringType, false)
          .add("item_id", StringType, false)
          .add("score", DoubleType, false);

  /** A bundle row of the contract without its segment_id, nested in the solve outcome. */
  public static final StructType RANKED_BUNDLE =
      new StructType(
          Arrays.stream(Schemas.BUNDLES.fields())
              .filter(f -> !f.name().equals("segment_id"))
              .toArray(org.apache.spark.sql.types.StructField[]::new));

  /** bundle: one solve outcome per segment. */
  public static final StructType BUNDLE_SOLVES =
      new StructType()
          .add("segment_id", IntegerType, false)
          .add("candidates", IntegerType, false)
          .add("budget", DoubleType, false)
          .add("optimal", IntegerType, false)
          .add("feasible", IntegerType, false)
          .add("infeasible", IntegerType, false)
          .add("unknown", IntegerType, false)
          .add("solve_seconds", DoubleType, false)
          .add("bundles", DataTypes.createArrayType(RANKED_BUNDLE, false), false);
}
