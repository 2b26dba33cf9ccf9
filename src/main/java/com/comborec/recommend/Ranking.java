package com.comborec.recommend;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.Reason;
import com.comborec.contract.Schemas;
import com.comborec.responsible.Diversify;
import com.comborec.responsible.DiversifyLists;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Merges a user's candidates into the final ranked list and shapes the contract table. Order:
 * personal candidates first, then the segment's popular items, then everyone's; within each by
 * score descending (boosted by the market), ties by item id. An item offered by several sources
 * keeps its best source. With diversity control on, each user's pool is then re-ranked.
 */
public final class Ranking {
  private Ranking() {}

  /**
   * {@link #rankLists(Dataset, Dataset, Dataset, Dataset, int, Diversify)} without diversity
   * control.
   */
  public static Dataset<Row> rankLists(
      Dataset<Row> candidates,
      Dataset<Row> strategies,
      Dataset<Row> userExclusions,
      Dataset<Row> available,
      int topN) {
    return rankLists(candidates, strategies, userExclusions, available, topN, Diversify.off());
  }

  /**
   * (user_id, items, personal): at most {@code topN} items ranked 1..n without gaps; personal says
   * whether any personal candidate made the list. Candidates carry (user_id, item_id, score,
   * reason, because_item_id, priority); personal ones (priority 0) count only for eligible users.
   *
   * <p>Optional candidate columns: {@code boost} (the market boost of the item's category, default
   * 1) and {@code rising} (the category is rising, default false) rank by the boosted score, and an
   * item of a rising category that the boost moved into the top N gets reason {@code trending};
   * {@code category} feeds the diversity control, which re-ranks each user's top {@code topN x
   * POOL_FACTOR} when any of its options is on.
   */
  public static Dataset<Row> rankLists(
      Dataset<Row> candidates,
      Dataset<Row> strategies,
      Dataset<Row> userExclusions,
      Dataset<Row> available,
      int topN,
      Diversify diversify) {
    Dataset<Row> allowed =
        withDefaults(candidates)
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
    boolean diversified = diversify.settings().enabled();
    Dataset<Row> ranked =
        withMarketBoost(best, topN)
            .filter(col("rank").leq(diversified ? topN * POOL_FACTOR : topN));
    return diversified ? diversifiedLists(ranked, topN, diversify) : plainLists(ranked);
  }

  /** Candidates a diversified list is picked from, as a multiple of the list length. */
  static final int POOL_FACTOR = 3;

  private static Dataset<Row> withDefaults(Dataset<Row> candidates) {
    Dataset<Row> out = candidates;
    java.util.List<String> columns = java.util.Arrays.asList(candidates.columns());
    if (!columns.contains("boost")) {
      out = out.withColumn("boost", lit(1.0));
    }
    if (!columns.contains("rising")) {
      out = out.withColumn("rising", lit(false));
    }
    if (!columns.contains("category")) {
      out = out.withColumn("category", lit(null).cast("string"));
    }
    return out;
  }

  /**
   * Ranks each user's candidates by (priority, boosted score, item id) and, for comparison, by the
   * plain score: an item of a rising category in the boosted top N but not in the plain top N was
   * moved in by the market, so its reason becomes trending (and it names no because_item_id). The
   * boost multiplies a non-negative score and divides a negative one, so a boost above 1 always
   * raises an item. The published score is the boosted one, consistent with the ranks.
   */
  static Dataset<Row> withMarketBoost(Dataset<Row> best, int topN) {
    Column boosted =
        when(col("score").geq(0), col("score").multiply(col("boost")))
            .otherwise(col("score").divide(col("boost")));
    Column trending =
        col("rising")
            .and(col("boost").gt(1.0))
            .and(col("plain_rank").gt(topN))
            .and(col("rank").leq(topN));
    return best.withColumn("plain_rank", row_number().over(byUser(col("score"))))
        .withColumn("score", boosted)
        .withColumn("rank", row_number().over(byUser(col("score"))))
        .withColumn("because_item_id", when(trending, lit(null)).otherwise(col("because_item_id")))
        .withColumn("reason", when(trending, lit(Reason.TRENDING.code())).otherwise(col("reason")));
  }

  private static org.apache.spark.sql.expressions.WindowSpec byUser(Column score) {
    return Window.partitionBy("user_id")
        .orderBy(col("priority").asc(), score.desc(), col("item_id").asc());
  }

  private static Dataset<Row> plainLists(Dataset<Row> ranked) {
    Column item =
        struct(col("rank"), col("item_id"), col("score"), col("reason"), col("because_item_id"));
    return ranked
        .groupBy("user_id")
        .agg(
            array_sort(collect_list(item)).as("items"), // structs sort by their first field: rank
            max(col("priority").equalTo(Codes.PERSONAL_PRIORITY)).as("personal"));
  }

  /**
   * Re-ranks each user's pool with {@link Diversify}. Scores of different sources (an ALS score, a
   * purchase count) are not comparable, so the re-ranker sees the merged order as its relevance: 1
   * for the first candidate down to 1/pool for the last; the published score stays the model's.
   */
  private static Dataset<Row> diversifiedLists(Dataset<Row> ranked, int topN, Diversify diversify) {
    Column pool = count(lit(1)).over(Window.partitionBy("user_id"));
    Column relevance = lit(1.0).minus(col("rank").minus(1).divide(pool));
    Column candidate =
        struct(
            col("rank"),
            col("item_id"),
            col("score"),
            col("category"),
            col("reason"),
            col("because_item_id"),
            col("relevance"));
    Dataset<Row> pools =
        ranked
            .withColumn("relevance", relevance)
            .groupBy("user_id")
            .agg(
                array_sort(collect_list(candidate)).as("candidates"),
                collect_list(when(col("priority").equalTo(Codes.PERSONAL_PRIORITY), col("item_id")))
                    .as("personal_items"));
    return DiversifyLists.rerank(pools, "candidates", topN, diversify)
        .withColumn("personal", arrays_overlap(col("items.item_id"), col("personal_items")))
        .select("user_id", "items", "personal");
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
                when(personal, lit(model.serving().code()))
                    .otherwise(col("fallback"))
                    .as("strategy"),
                coalesce(col("items"), empty).as("items"),
                lit(model.modelVersion()).as("model_version"));
    // Re-applying the contract schema makes Spark check the non-null columns row by row.
    return rows.sparkSession().createDataFrame(rows.javaRDD(), Schemas.RECOMMENDATIONS);
  }
}
