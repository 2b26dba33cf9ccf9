package com.comborec.recommend;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Merges a user's candidates into the final ranked list and shapes the contract table. Order:
 * personal candidates first, then the segment's popular items, then everyone's; within each by
 * score descending, ties by item id. An item offered by several sources keeps its best source.
 */
public final class Ranking {
  private Ranking() {}

  /**
   * (user_id, items, personal): at most {@code topN} items ranked 1..n without gaps; personal says
   * whether any personal candidate made the list. Candidates carry (user_id, item_id, score,
   * reason, because_item_id, priority); personal ones (priority 0) count only for eligible users.
   */
  public static Dataset<Row> rankLists(
      Dataset<Row> candidates,
      Dataset<Row> strategies,
      Dataset<Row> userExclusions,
      Dataset<Row> available,
      int topN) {
    Dataset<Row> allowed =
        candidates
            .join(strategies.select("user_id", "eligible"), "user_id")
            .filter(col("priority").gt(Codes.PERSONAL_PRIORITY).or(col("eligible")));
    Dataset<Row> best =
        Exclusions.drop(allowed, userExclusions, available)
            .withColumn(
                "pick",
                row_number()
                    .over(
                        Window.partitionBy("user_id", "item_id")
                            .orderBy(col("priority").asc(), col("score").desc())))
            .filter(col("pick").equalTo(1));
    Dataset<Row> ranked =
        best.withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("user_id")
                            .orderBy(
                                col("priority").asc(), col("score").desc(), col("item_id").asc())))
            .filter(col("rank").leq(topN));
    Column item =
        struct(col("rank"), col("item_id"), col("score"), col("reason"), col("because_item_id"));
    return ranked
        .groupBy("user_id")
        .agg(
            array_sort(collect_list(item)).as("items"), // structs sort by their first field: rank
            max(col("priority").equalTo(Codes.PERSONAL_PRIORITY)).as("personal"));
  }

  /**
   * The contract's recommendations table: one row per user of {@code strategies}. The strategy is
   * the serving candidate when a personal item made the list, else the user's fallback; a user with
   * no item left gets an empty list.
   */
  public static Dataset<Row> assemble(
      Dataset<Row> strategies, Dataset<Row> lists, ModelInfo model) {
    Column personal = col("eligible").and(coalesce(col("personal"), lit(false)));
    Column empty = array().cast(Schemas.RECOMMENDATIONS.apply("items").dataType());
    Dataset<Row> rows =
        strategies
            .join(lists, new String[] {"user_id"}, "left")
            .select(
                col("user_id"),
                col("segment_id"),
                when(personal, lit(model.serving())).otherwise(col("fallback")).as("strategy"),
                coalesce(col("items"), empty).as("items"),
                lit(model.modelVersion()).as("model_version"));
    // Re-applying the contract schema makes Spark check the non-null columns row by row.
    return rows.sparkSession().createDataFrame(rows.javaRDD(), Schemas.RECOMMENDATIONS);
  }
}
