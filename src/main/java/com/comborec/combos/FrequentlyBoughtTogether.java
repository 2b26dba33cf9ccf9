package com.comborec.combos;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Basket mining: baskets from purchases, then support, confidence and lift of every ordered item
 * pair. Pairs are generated per basket (no self-join, nothing collected), so the work grows with
 * the sum of squared basket sizes, which the basket cap bounds.
 */
public final class FrequentlyBoughtTogether {
  private FrequentlyBoughtTogether() {}

  /**
   * The basket key of a purchase: its order, else its user's day (the session time zone is the
   * configured one, so the day is the local day). A guest purchase without an order has no key: it
   * cannot be grouped with anything, and one-item baskets would only dilute support.
   */
  public static Column basketKey() {
    Column day = date_format(col("event_time"), "yyyy-MM-dd");
    return when(col("order_id").isNotNull(), concat(lit("o:"), col("order_id")))
        .when(col("user_id").isNotNull(), concat(lit("u:"), col("user_id"), lit("|"), day));
  }

  /** Purchase events, the only ones that form baskets (returns and views are left out). */
  public static Dataset<Row> purchases(Dataset<Row> events) {
    return events.filter(col("event_type").equalTo("purchase").and(col("item_id").isNotNull()));
  }

  /** Purchases that belong to no basket (guest, no order id); the stage counts them. */
  public static Dataset<Row> unattributedPurchases(Dataset<Row> events) {
    return purchases(events).filter(basketKey().isNull());
  }

  /**
   * One row per basket: basket_id, items (distinct item ids, sorted), n_items, day (of its first
   * purchase, in the session time zone; the measurement holds out the latest days).
   */
  public static Dataset<Row> baskets(Dataset<Row> events) {
    return purchases(events)
        .withColumn("basket_id", basketKey())
        .filter(col("basket_id").isNotNull())
        .groupBy("basket_id")
        .agg(
            sort_array(collect_set(col("item_id"))).as("items"),
            min(to_date(col("event_time"))).as("day"))
        .withColumn("n_items", size(col("items")));
  }

  /** Baskets small enough to count; larger ones (bulk orders) would swamp the pair counts. */
  public static Dataset<Row> countableBaskets(Dataset<Row> baskets, FbtSettings s) {
    return baskets.filter(col("n_items").leq(s.maxBasketItems()));
  }

  /** Baskets above the cap, left out of every count. */
  public static Dataset<Row> cappedBaskets(Dataset<Row> baskets, FbtSettings s) {
    return baskets.filter(col("n_items").gt(s.maxBasketItems()));
  }

  /**
   * Every ordered pair passing the minimums: item_id, other_item_id, baskets (holding both),
   * support, confidence = P(other | item), lift = confidence / P(other).
   */
  public static Dataset<Row> pairStats(Dataset<Row> events, FbtSettings s) {
    return pairStatsOfBaskets(countableBaskets(baskets(events), s), s);
  }

  /** {@link #pairStats} from baskets already built and capped. */
  public static Dataset<Row> pairStatsOfBaskets(Dataset<Row> baskets, FbtSettings s) {
    Dataset<Row> total = baskets.agg(count(lit(1)).as("n"));
    Dataset<Row> itemCounts = itemCounts(baskets);
    // Support is symmetric, so the minimum baskets and support are applied before mirroring.
    Dataset<Row> pairs =
        unorderedPairCounts(baskets)
            .crossJoin(broadcast(total))
            .withColumn("support", col("baskets").divide(col("n")))
            .filter(col("baskets").geq(s.minBaskets()).and(col("support").geq(s.minSupport())));
    return withConfidenceAndLift(mirrored(pairs), itemCounts)
        .filter(col("confidence").geq(s.minConfidence()).and(col("lift").geq(s.minLift())))
        .select("item_id", "other_item_id", "baskets", "support", "confidence", "lift");
  }

  /** item_id, item_baskets: the number of baskets holding each item. */
  static Dataset<Row> itemCounts(Dataset<Row> baskets) {
    return baskets
        .select(explode(col("items")).as("item_id"))
        .groupBy("item_id")
        .agg(count(lit(1)).as("item_baskets"));
  }

  /** a < b pairs with the number of baskets holding both; items are sorted in each basket. */
  static Dataset<Row> unorderedPairCounts(Dataset<Row> baskets) {
    return baskets
        .select(posexplode(col("items")).as(new String[] {"pos", "a"}), col("items"))
        // The items after position pos: slice is 1-based, so they start at pos + 2.
        .select(
            col("a"),
            explode(
                    slice(
                        col("items"),
                        col("pos").plus(2),
                        size(col("items")).minus(col("pos")).minus(1)))
                .as("b"))
        .groupBy("a", "b")
        .agg(count(lit(1)).as("baskets"));
  }

  private static Dataset<Row> mirrored(Dataset<Row> pairs) {
    Dataset<Row> forward =
        pairs.select(
            col("a").as("item_id"),
            col("b").as("other_item_id"),
            col("baskets"),
            col("support"),
            col("n"));
    Dataset<Row> backward =
        pairs.select(
            col("b").as("item_id"),
            col("a").as("other_item_id"),
            col("baskets"),
            col("support"),
            col("n"));
    return forward.unionByName(backward);
  }

  private static Dataset<Row> withConfidenceAndLift(Dataset<Row> pairs, Dataset<Row> itemCounts) {
    Dataset<Row> other =
        itemCounts.select(
            col("item_id").as("other_item_id"), col("item_baskets").as("other_baskets"));
    Column confidence = col("baskets").divide(col("item_baskets"));
    // lift = both * N / (baskets(a) * baskets(b)) from whole counts, so that an independent pair
    // gets exactly 1.0 and a min-lift of 1 does not depend on rounding (doubles: no overflow).
    Column lift =
        col("baskets")
            .cast("double")
            .multiply(col("n"))
            .divide(col("item_baskets").cast("double").multiply(col("other_baskets")));
    return pairs
        .join(itemCounts, "item_id")
        .join(other, "other_item_id")
        .withColumn("confidence", confidence)
        .withColumn("lift", lift);
  }
}
