package com.comborec.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Accuracy broken down by segment: per-segment means of the per-user metrics and, per metric, the
 * spread between the worst and the best segment (range and worst / best ratio), so a model that
 * serves one customer group much worse than the others is visible in the manifest.
 */
public final class SegmentBreakdown {
  public static final String PREFIX = "responsible.accuracy";
  public static final List<String> METRICS = List.of("ndcg", "precision", "recall");

  private SegmentBreakdown() {}

  /** Per-user metric rows: user_id, segment_id (-1 = in no segment), ndcg, precision, recall. */
  public static final StructType PER_USER =
      new StructType()
          .add("user_id", StringType, false)
          .add("segment_id", IntegerType, false)
          .add("ndcg", DoubleType, false)
          .add("precision", DoubleType, false)
          .add("recall", DoubleType, false);

  /**
   * Per-user metrics at K with the model's own arithmetic ({@link RankingMetrics}), as the model
   * stage's evaluation counts them: every user of {@code relevant} counts, one without a list
   * scores 0.
   *
   * @param lists user_id, items array&lt;string&gt; (ranked, e.g. {@code Evaluation.topK})
   * @param relevant user_id, relevant array&lt;string&gt; (the holdout purchases)
   * @param segments user_id, segment_id
   */
  public static Dataset<Row> perUser(
      Dataset<Row> lists, Dataset<Row> relevant, Dataset<Row> segments, int k) {
    return relevant
        .join(lists, new String[] {"user_id"}, "left")
        .join(segments.select("user_id", "segment_id"), new String[] {"user_id"}, "left")
        .select(
            col("user_id"),
            coalesce(col("segment_id"), lit(-1)).as("segment_id"),
            coalesce(col("items"), array().cast("array<string>")).as("items"),
            col("relevant"))
        .map(metricsAt(k), Encoders.row(PER_USER));
  }

  private static MapFunction<Row, Row> metricsAt(int k) {
    return row -> {
      List<String> items = row.getList(2);
      Set<String> rel = new HashSet<>(row.getList(3));
      return RowFactory.create(
          row.getString(0),
          row.getInt(1),
          RankingMetrics.ndcgAtK(items, rel, k),
          RankingMetrics.precisionAtK(items, rel, k),
          RankingMetrics.recallAtK(items, rel, k));
    };
  }

  /** segment_id, users, ndcg, precision, recall (means), ordered by segment_id. */
  public static Dataset<Row> means(Dataset<Row> perUser) {
    return perUser
        .groupBy("segment_id")
        .agg(
            count(lit(1)).as("users"),
            avg("ndcg").as("ndcg"),
            avg("precision").as("precision"),
            avg("recall").as("recall"))
        .orderBy(col("segment_id"));
  }

  /**
   * Manifest figures: {@code responsible.accuracy.segments.<id>.(users|ndcg|precision|recall)} for
   * every segment, and {@code responsible.accuracy.spread.<metric>.(worst|best|range|ratio)} over
   * the segments with at least {@code minUsers} evaluated users (smaller ones are too noisy to call
   * a disparity).
   *
   * @param perUser user_id, segment_id, ndcg, precision, recall: one row per evaluated user
   */
  public static Map<String, Double> figures(Dataset<Row> perUser, long minUsers) {
    Map<String, Double> out = new TreeMap<>();
    Map<String, List<Double>> compared = new TreeMap<>();
    for (Row r : means(perUser).collectAsList()) {
      String p = PREFIX + ".segments." + r.getInt(0) + ".";
      long users = r.getLong(1);
      out.put(p + "users", (double) users);
      for (int i = 0; i < METRICS.size(); i++) {
        double mean = r.getDouble(2 + i);
        out.put(p + METRICS.get(i), mean);
        if (users >= minUsers) {
          compared.computeIfAbsent(METRICS.get(i), m -> new ArrayList<>()).add(mean);
        }
      }
    }
    for (String metric : METRICS) {
      Spread s = Spread.of(compared.getOrDefault(metric, List.of()));
      String p = PREFIX + ".spread." + metric + ".";
      out.put(p + "worst", s.worst());
      out.put(p + "best", s.best());
      out.put(p + "range", s.range());
      out.put(p + "ratio", s.ratio());
    }
    return out;
  }
}
