package com.comborec.combos;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How often published combinations show up in later real baskets: the share of baskets in which
 * some item's companions include another item of the basket, and the share of segment members'
 * baskets holding two or more items of one of their segment's bundles.
 */
public final class HoldoutHits {
  private HoldoutHits() {}

  /**
   * One row per basket of 2+ distinct items: basket_id, user_id (null for guests), item_id per
   * item.
   */
  public static Dataset<Row> basketItems(Dataset<Row> events) {
    Dataset<Row> purchases =
        FrequentlyBoughtTogether.purchases(events)
            .withColumn("basket_id", FrequentlyBoughtTogether.basketKey())
            .filter(col("basket_id").isNotNull());
    Dataset<Row> sizes =
        purchases
            .groupBy("basket_id")
            .agg(countDistinct("item_id").as("n"), first("user_id", true).as("user_id"))
            .filter(col("n").geq(2));
    return purchases
        .select("basket_id", "item_id")
        .distinct()
        .join(sizes.select("basket_id", "user_id"), "basket_id");
  }

  /**
   * Share of baskets where a predicted pair (item_id -> other_item_id) has both items in it.
   * Returns {hits, baskets}.
   */
  public static long[] pairHits(Dataset<Row> basketItems, Dataset<Row> pairs) {
    Dataset<Row> a = basketItems.select(col("basket_id"), col("item_id"));
    Dataset<Row> b = basketItems.select(col("basket_id"), col("item_id").as("other_item_id"));
    long hits =
        a.join(pairs, "item_id")
            .join(b, new String[] {"basket_id", "other_item_id"})
            .select("basket_id")
            .distinct()
            .count();
    return new long[] {hits, a.select("basket_id").distinct().count()};
  }

  /**
   * Share of segment members' baskets holding 2+ items of one bundle of the member's segment.
   * {@code bundles}: segment_id, bundle_id, item_id (one row per bundle item), optionally a {@code
   * trial} column when several random draws are measured at once. Returns rows of (trial, hits) and
   * needs {@code members}: user_id, segment_id.
   */
  public static Dataset<Row> bundleHits(
      Dataset<Row> basketItems, Dataset<Row> members, Dataset<Row> bundles) {
    Dataset<Row> memberItems = basketItems.join(members, "user_id");
    return memberItems
        .join(bundles, new String[] {"segment_id", "item_id"})
        .groupBy("trial", "basket_id", "bundle_id")
        .agg(count(lit(1)).as("shared"))
        .filter(col("shared").geq(2))
        .select("trial", "basket_id")
        .distinct()
        .groupBy("trial")
        .agg(count(lit(1)).as("hits"));
  }

  /** The number of segment members' baskets (the denominator of {@link #bundleHits}). */
  public static long memberBaskets(Dataset<Row> basketItems, Dataset<Row> members) {
    return basketItems.join(members, "user_id").select("basket_id").distinct().count();
  }

  /** Published bundles as (trial 0, segment_id, bundle_id, item_id). */
  public static Dataset<Row> publishedBundleItems(Dataset<Row> bundles) {
    return bundles.select(
        lit(0).as("trial"),
        col("segment_id"),
        col("bundle_id"),
        explode(col("items.item_id")).as("item_id"));
  }
}
