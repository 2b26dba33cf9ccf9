package com.comborec.bundle;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Pure transforms from validated events, products and segment membership to each segment's bundle
 * candidates: its top items by purchase propensity that may be sold at all.
 */
public final class BundleCandidates {
  private BundleCandidates() {}

  /**
   * (segment_id, item_id, propensity): the share of the segment's members who bought the item in
   * the events given. Guests (null user_id) belong to no segment and are left out.
   */
  public static Dataset<Row> segmentPropensity(Dataset<Row> events, Dataset<Row> segments) {
    Dataset<Row> members = segments.groupBy("segment_id").agg(count(lit(1)).as("members"));
    Dataset<Row> buyers =
        purchases(events)
            .select("user_id", "item_id")
            .distinct()
            .join(segments, "user_id")
            .groupBy("segment_id", "item_id")
            .agg(count(lit(1)).as("buyers"));
    return buyers
        .join(members, "segment_id")
        .select(
            col("segment_id"),
            col("item_id"),
            col("buyers").cast("double").divide(col("members")).as("propensity"));
  }

  /**
   * The catalog items a bundle may hold: active (null counts as active) and in stock (unknown stock
   * counts as enough), with cost estimated from the default margin rate where absent. Columns:
   * item_id, title, category, price, cost, stock.
   */
  public static Dataset<Row> sellableItems(Dataset<Row> products, BundleSettings s) {
    int minStock = Math.max(1, s.minStock());
    return products
        .filter(coalesce(col("active"), lit(true)))
        .filter(col("stock").isNull().or(col("stock").geq(minStock)))
        .select(
            col("item_id"),
            col("title"),
            col("category"),
            col("price"),
            coalesce(col("cost"), col("price").multiply(1 - s.defaultMarginRate())).as("cost"),
            col("stock"));
  }

  /**
   * Each segment's top {@code candidates} sellable items by propensity (ties by item_id, so the
   * choice is deterministic), numbered 1.. in candidate_rank, with the item's catalog fields.
   */
  public static Dataset<Row> selectCandidates(
      Dataset<Row> propensity, Dataset<Row> sellable, BundleSettings s) {
    return propensity
        .join(sellable, "item_id")
        .withColumn(
            "candidate_rank",
            row_number()
                .over(
                    Window.partitionBy("segment_id")
                        .orderBy(col("propensity").desc(), col("item_id").asc())))
        .filter(col("candidate_rank").leq(s.candidates()))
        .select(
            "segment_id",
            "candidate_rank",
            "item_id",
            "title",
            "category",
            "price",
            "cost",
            "stock",
            "propensity");
  }

  /** Purchase events of known users; validated event types are lower-case. */
  static Dataset<Row> purchases(Dataset<Row> events) {
    return events.filter(col("event_type").equalTo("purchase").and(col("user_id").isNotNull()));
  }
}
