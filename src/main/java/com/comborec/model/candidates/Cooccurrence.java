package com.comborec.model.candidates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Item-item model: cosine similarity of items' interaction vectors (one dimension per user, value =
 * strength), keeping the top neighbours per item; a user's score for an item is the sum of its
 * similarities to the items the user interacted with.
 */
public final class Cooccurrence {

  private Cooccurrence() {}

  /**
   * cos(i, j) = sum_u s_ui s_uj / (|i| |j|), over each user's {@code maxUserItems} strongest items
   * (the pair count grows with the square of a user's items; the norms use the same capped vectors,
   * so scores stay in [0, 1]). Keeps the {@code k} best neighbours of each item.
   */
  public static Dataset<Row> neighbours(Dataset<Row> interactions, int k, int maxUserItems) {
    Dataset<Row> capped =
        interactions
            .withColumn(
                "pos",
                row_number()
                    .over(
                        Window.partitionBy("user_id")
                            .orderBy(col("strength").desc(), col("item_id").asc())))
            .filter(col("pos").leq(maxUserItems))
            .select("user_id", "item_id", "strength");
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

  /**
   * (user_id, item_id, score): for each (user, item) of {@code userItems}, every neighbour of the
   * item gains the similarity; summed per user. Items the user already has are scored too: which of
   * them may be shown is the serving filter's call, as for every other candidate.
   */
  public static Dataset<Row> scoreUsers(Dataset<Row> userItems, Dataset<Row> neighbours) {
    return userItems
        .select("user_id", "item_id")
        .join(neighbours, "item_id")
        .groupBy(col("user_id"), col("other_item_id").as("item_id"))
        .agg(sum("score").as("score"));
  }
}
