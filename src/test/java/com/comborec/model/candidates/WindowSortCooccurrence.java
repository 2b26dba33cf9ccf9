package com.comborec.model.candidates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The co-occurrence neighbours as computed before the bounded top-k (commit b281062), kept as the
 * reference the tests and the benchmark compare {@link Cooccurrence#neighbours} with: a self-join
 * of each user's capped items, dot products grouped by pair, two joins for the norms, and a window
 * sort of every (item, neighbour) pair to keep the top k.
 */
public final class WindowSortCooccurrence {
  private WindowSortCooccurrence() {}

  public static Dataset<Row> neighbours(Dataset<Row> interactions, int k, int maxUserItems) {
    Dataset<Row> capped = capped(interactions, maxUserItems);
    Dataset<Row> norms =
        capped
            .groupBy("item_id")
            .agg(sqrt(sum(col("strength").multiply(col("strength")))).as("norm"));
    Dataset<Row> a = capped.toDF("user_id", "item_a", "s_a");
    Dataset<Row> b = capped.toDF("user_id", "item_b", "s_b");
    Dataset<Row> dots =
        a.join(b, "user_id")
            .filter(col("item_a").lt(col("item_b")))
            .groupBy("item_a", "item_b")
            .agg(sum(col("s_a").multiply(col("s_b"))).as("dot"));
    return topK(dots, norms, k);
  }

  /** Each user's {@code maxUserItems} strongest items, ties by item_id. */
  public static Dataset<Row> capped(Dataset<Row> interactions, int maxUserItems) {
    return interactions
        .withColumn(
            "pos",
            row_number()
                .over(
                    Window.partitionBy("user_id")
                        .orderBy(col("strength").desc(), col("item_id").asc())))
        .filter(col("pos").leq(maxUserItems))
        .select("user_id", "item_id", "strength");
  }

  private static Dataset<Row> topK(Dataset<Row> dots, Dataset<Row> norms, int k) {
    Dataset<Row> cosine =
        dots.join(norms.toDF("item_a", "norm_a"), "item_a")
            .join(norms.toDF("item_b", "norm_b"), "item_b")
            .select(
                col("item_a"),
                col("item_b"),
                col("dot").divide(col("norm_a").multiply(col("norm_b"))).as("score"));
    Dataset<Row> both =
        cosine
            .select(col("item_a").as("item_id"), col("item_b").as("other_item_id"), col("score"))
            .union(
                cosine.select(
                    col("item_b").as("item_id"), col("item_a").as("other_item_id"), col("score")));
    return both.withColumn(
            "pos",
            row_number()
                .over(
                    Window.partitionBy("item_id")
                        .orderBy(col("score").desc(), col("other_item_id").asc())))
        .filter(col("pos").leq(k))
        .select("item_id", "other_item_id", "score");
  }
}
