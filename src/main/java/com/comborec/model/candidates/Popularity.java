package com.comborec.model.candidates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import com.comborec.features.Interactions;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Popularity over a trailing window of days: score = sum of event-type weight * quantity factor
 * over every event, guests included (the contract counts them for popularity), without time decay;
 * items whose net is <= 0 (returned as often as bought) are left out.
 */
public final class Popularity {

  private Popularity() {}

  /** (item_id, score) over the {@code days} days ending on {@code lastDay}. */
  public static Dataset<Row> global(
      Dataset<Row> events,
      Map<String, Double> weights,
      String damping,
      LocalDate lastDay,
      int days) {
    return window(events, lastDay, days)
        .groupBy("item_id")
        .agg(sum(contribution(weights, damping)).as("score"))
        .filter(col("score").gt(0));
  }

  /** (segment_id, item_id, score) from the events of each segment's members. */
  public static Dataset<Row> bySegment(
      Dataset<Row> events,
      Dataset<Row> segments,
      Map<String, Double> weights,
      String damping,
      LocalDate lastDay,
      int days) {
    return window(events, lastDay, days)
        .join(segments.select("user_id", "segment_id"), "user_id")
        .groupBy("segment_id", "item_id")
        .agg(sum(contribution(weights, damping)).as("score"))
        .filter(col("score").gt(0));
  }

  /** The best {@code n} items (ties: item_id ascending); small, so safe to cross join. */
  public static Dataset<Row> top(Dataset<Row> popularity, int n) {
    return popularity.orderBy(col("score").desc(), col("item_id").asc()).limit(n);
  }

  /** The best {@code n} items per segment. */
  public static Dataset<Row> topPerSegment(Dataset<Row> segmentPopularity, int n) {
    return segmentPopularity
        .withColumn(
            "pos",
            row_number()
                .over(
                    Window.partitionBy("segment_id")
                        .orderBy(col("score").desc(), col("item_id").asc())))
        .filter(col("pos").leq(n))
        .drop("pos");
  }

  /**
   * (item_id, score): distinct known customers who bought the item in the {@code days} ending on
   * {@code lastDay}. A bulk order counts once, so wholesale lines do not crowd out what many buy.
   */
  public static Dataset<Row> distinctBuyers(Dataset<Row> events, LocalDate lastDay, int days) {
    return purchasesOf(window(events, lastDay, days))
        .groupBy("item_id")
        .agg(countDistinct("user_id").cast("double").as("score"));
  }

  /** (segment_id, item_id, score): the same among each segment's members. */
  public static Dataset<Row> distinctBuyersBySegment(
      Dataset<Row> events, Dataset<Row> segments, LocalDate lastDay, int days) {
    return purchasesOf(window(events, lastDay, days))
        .join(segments.select("user_id", "segment_id"), "user_id")
        .groupBy("segment_id", "item_id")
        .agg(countDistinct("user_id").cast("double").as("score"));
  }

  private static Dataset<Row> purchasesOf(Dataset<Row> events) {
    return events.filter(col("event_type").equalTo("purchase").and(col("user_id").isNotNull()));
  }

  private static Dataset<Row> window(Dataset<Row> events, LocalDate lastDay, int days) {
    LocalDate first = lastDay.minusDays(days - 1L);
    return events.filter(
        col("dt").geq(lit(Date.valueOf(first))).and(col("dt").leq(lit(Date.valueOf(lastDay)))));
  }

  private static Column contribution(Map<String, Double> weights, String damping) {
    return Interactions.eventWeight(weights).multiply(Interactions.quantityFactor(damping));
  }
}
