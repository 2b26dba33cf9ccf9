package com.comborec.recommend;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import com.comborec.contract.Reason;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Popularity candidates for every known user: the user's segment's best items first (priority 1),
 * then everyone's (priority 2). They serve fallback users and fill personal lists that filters left
 * short; reason popular_in_segment either way (see {@link Codes#POPULAR_IN_SEGMENT}).
 */
public final class PopularityFill {
  private PopularityFill() {}

  /**
   * (user_id, item_id, score, reason, because_item_id, priority) for users (user_id, segment_id);
   * each pool holds the best {@code pool} items (ties: item_id ascending). segmentPopularity may be
   * null.
   */
  public static Dataset<Row> candidates(
      Dataset<Row> users, Dataset<Row> segmentPopularity, Dataset<Row> popularity, int pool) {
    // A top-k, not a window: a window over a constant key is one unpartitioned window to Spark
    // (it warns that all rows move to a single partition).
    Dataset<Row> global =
        popularity
            .orderBy(col("score").desc(), col("item_id").asc())
            .limit(pool)
            .select(col("item_id"), col("score"), lit(Codes.GLOBAL_PRIORITY).as("priority"));
    Dataset<Row> fill =
        users
            .select("user_id")
            .crossJoin(broadcast(global))
            .select("user_id", "item_id", "score", "priority");
    if (segmentPopularity != null) {
      Dataset<Row> bySegment =
          ranked(segmentPopularity, pool)
              .select(
                  col("segment_id"),
                  col("item_id"),
                  col("score"),
                  lit(Codes.SEGMENT_PRIORITY).as("priority"));
      fill =
          fill.union(
              users
                  .join(broadcast(bySegment), "segment_id")
                  .select("user_id", "item_id", "score", "priority"));
    }
    return fill.select(
        col("user_id"),
        col("item_id"),
        col("score").cast("double").as("score"),
        lit(Reason.POPULAR_IN_SEGMENT.code()).as("reason"),
        lit(null).cast("string").as("because_item_id"),
        col("priority"));
  }

  private static Dataset<Row> ranked(Dataset<Row> scores, int pool) {
    return scores
        .withColumn(
            "pos",
            row_number()
                .over(
                    Window.partitionBy("segment_id")
                        .orderBy(col("score").desc(), col("item_id").asc())))
        .filter(col("pos").leq(pool));
  }
}
