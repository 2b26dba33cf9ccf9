package com.comborec.responsible;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Accuracy broken down by segment: per-segment means of the per-user metrics and, per metric,
 * the spread between the worst and the best segment (range and worst / best ratio), so a model
 * that serves one customer group much worse than the others is visible in the manifest.
 */
public final class SegmentBreakdown {
  public static final String PREFIX = "responsible.accuracy";
  public static final List<String> METRICS = List.of("ndcg", "precision", "recall");

  private SegmentBreakdown() {}

  /** segment_id, users, ndcg, precision, recall (means), ordered by segment_id. */
  public static Dataset<Row> means(Dataset<Row> perUser) {
    return perUser.groupBy("segment_id").agg(count(lit(1)).as("users"),
            avg("ndcg").as("ndcg"), avg("precision").as("precision"), avg("recall").as("recall"))
        .orderBy(col("segment_id"));
  }

  /**
   * Manifest figures: {@code responsible.accuracy.segments.<id>.(users|ndcg|precision|recall)}
   * for every segment, and {@code responsible.accuracy.spread.<metric>.(worst|best|range|ratio)}
   * over the segments with at least {@code minUsers} evaluated users (smaller ones are too noisy
   * to call a disparity).
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
