package com.comborec.model.candidates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The two list operations every generator ends with: the serving filter and the cut to depth. */
public final class TopItems {
  private TopItems() {}

  /** Drops (user, item) pairs the user may not be offered: here, what they bought before. */
  public static Dataset<Row> exclude(Dataset<Row> scored, Dataset<Row> excluded) {
    // By column name: both sides often descend from the same events, and a column-object
    // condition on a self-join can silently resolve to one side.
    return scored.join(
        excluded.select("user_id", "item_id"), new String[] {"user_id", "item_id"}, "left_anti");
  }

  /** The best {@code n} rows per user by score (ties: item_id ascending), with a 1-based rank. */
  public static Dataset<Row> perUser(Dataset<Row> scored, int n) {
    return scored
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy("user_id")
                        .orderBy(col("score").desc(), col("item_id").asc())))
        .filter(col("rank").leq(n));
  }
}
