package com.comborec.model;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.types.DataTypes.DoubleType;

import com.comborec.metrics.RankingMetrics;
import com.comborec.model.candidates.TopItems;
import com.comborec.model.evaluation.Metrics;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Offline evaluation in Spark: the serving filter, top-K lists, and the mean of {@link
 * RankingMetrics} over the evaluated users (one row per user, then the mean).
 */
public final class Evaluation {
  private static final StructType PER_USER =
      new StructType()
          .add("ndcg", DoubleType, false)
          .add("precision", DoubleType, false)
          .add("recall", DoubleType, false)
          .add("ap", DoubleType, false);

  private Evaluation() {}

  /** See {@link TopItems#exclude}. */
  public static Dataset<Row> exclude(Dataset<Row> scored, Dataset<Row> excluded) {
    return TopItems.exclude(scored, excluded);
  }

  /** See {@link TopItems#perUser}. */
  public static Dataset<Row> topPerUser(Dataset<Row> scored, int n) {
    return TopItems.perUser(scored, n);
  }

  /** (user_id, items array&lt;string&gt;): each user's top K items in rank order. */
  public static Dataset<Row> topK(Dataset<Row> scored, int k) {
    return topPerUser(scored, k)
        .groupBy("user_id")
        .agg(sort_array(collect_list(struct(col("rank"), col("item_id")))).as("ranked"))
        .select(col("user_id"), transform(col("ranked"), r -> r.getField("item_id")).as("items"));
  }

  /**
   * Metrics of top-K lists against (user_id, relevant array&lt;string&gt;). Every user of {@code
   * relevant} counts; one without a list scores 0. Coverage = distinct listed items / catalog size.
   */
  public static Metrics evaluate(
      Dataset<Row> lists, Dataset<Row> relevant, int k, long catalogSize) {
    // Two passes read the lists (metrics, coverage): compute them once.
    Dataset<Row> cached = lists.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return meanOf(cached, relevant, k, catalogSize);
    } finally {
      cached.unpersist();
    }
  }

  private static Metrics meanOf(
      Dataset<Row> lists, Dataset<Row> relevant, int k, long catalogSize) {
    Dataset<Row> joined =
        relevant
            .join(lists, new String[] {"user_id"}, "left")
            .select(
                coalesce(col("items"), array().cast("array<string>")).as("items"), col("relevant"));
    Row mean =
        joined
            .map(perUser(k), Encoders.row(PER_USER))
            .agg(avg("ndcg"), avg("precision"), avg("recall"), avg("ap"), count("ndcg"))
            .first();
    long users = mean.getLong(4);
    if (users == 0) {
      return Metrics.none();
    }
    long listed =
        lists
            .join(relevant.select("user_id"), "user_id")
            .select(explode(col("items")).as("item_id"))
            .distinct()
            .count();
    double coverage = catalogSize == 0 ? 0.0 : listed / (double) catalogSize;
    return new Metrics(
        mean.getDouble(0),
        mean.getDouble(1),
        mean.getDouble(2),
        mean.getDouble(3),
        coverage,
        users);
  }

  private static MapFunction<Row, Row> perUser(int k) {
    return row -> {
      List<String> items = row.getList(0);
      HashSet<String> rel = new HashSet<>(row.getList(1));
      return RowFactory.create(
          RankingMetrics.ndcgAtK(items, rel, k),
          RankingMetrics.precisionAtK(items, rel, k),
          RankingMetrics.recallAtK(items, rel, k),
          RankingMetrics.averagePrecisionAtK(items, rel, k));
    };
  }
}
