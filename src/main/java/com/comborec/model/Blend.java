package com.comborec.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Blends two candidates' (user_id, item_id, score) lists. Each side keeps its best {@code depth}
 * items per user (after the serving filter), min-max normalised per user to [0, 1] (a user whose
 * scores are all equal gets 1.0); an item absent from one side counts 0 there. Blended score =
 * weight * first + (1 - weight) * second. Min-max rather than rank-based: it keeps how much better
 * the first item is than the tenth, which ALS and co-occurrence scores both express.
 */
public final class Blend {
  private Blend() {}

  public static Dataset<Row> blend(
      Dataset<Row> first, Dataset<Row> second, double weight, int depth) {
    Dataset<Row> a = normalise(first, depth).withColumnRenamed("norm", "a");
    Dataset<Row> b = normalise(second, depth).withColumnRenamed("norm", "b");
    Column score =
        coalesce(col("a"), lit(0.0))
            .multiply(weight)
            .plus(coalesce(col("b"), lit(0.0)).multiply(1 - weight));
    return a.join(b, new String[] {"user_id", "item_id"}, "full_outer")
        .select(col("user_id"), col("item_id"), score.as("score"));
  }

  /** (user_id, item_id, norm): the top {@code depth} per user, scaled to [0, 1] per user. */
  public static Dataset<Row> normalise(Dataset<Row> scored, int depth) {
    WindowSpec perUser = Window.partitionBy("user_id");
    Column lo = min("score").over(perUser);
    Column hi = max("score").over(perUser);
    return Evaluation.topPerUser(scored, depth)
        .withColumn("lo", lo)
        .withColumn("hi", hi)
        .select(
            col("user_id"),
            col("item_id"),
            when(col("hi").equalTo(col("lo")), lit(1.0))
                .otherwise(col("score").minus(col("lo")).divide(col("hi").minus(col("lo"))))
                .as("norm"));
  }
}
