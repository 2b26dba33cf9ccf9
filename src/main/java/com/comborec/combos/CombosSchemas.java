package com.comborec.combos;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** Schemas of the work datasets this stage leaves for later stages (not public tables). */
public final class CombosSchemas {
  private CombosSchemas() {}

  /** Every ordered pair passing the minimums; support is an extra beyond the agreed columns. */
  public static final StructType PAIR_STATS =
      new StructType()
          .add("item_id", StringType)
          .add("other_item_id", StringType)
          .add("baskets", LongType)
          .add("support", DoubleType)
          .add("confidence", DoubleType)
          .add("lift", DoubleType);

  /** Each item's ranked neighbours, long form. */
  public static final StructType SIMILAR =
      new StructType()
          .add("item_id", StringType)
          .add("other_item_id", StringType)
          .add("similarity", DoubleType)
          .add("rank", IntegerType);
}
