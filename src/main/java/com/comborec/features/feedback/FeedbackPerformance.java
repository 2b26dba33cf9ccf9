package com.comborec.features.feedback;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Feedback joined to what a published run showed, and summed per surface and strategy: pure
 * transforms, no IO. A feedback row matches an exposure of the same surface by the surface's key:
 * recommendations by (user, item); bundles by (user, bundle), the user's segment having been shown
 * the bundle; frequently_bought_together and similar_items by the item alone, since those tables
 * are not per user. Recommendations carry the strategy that served the user; the other surfaces
 * have none and report under {@link #NO_STRATEGY}. A row that matches nothing keeps a null
 * strategy.
 */
public final class FeedbackPerformance {
  public static final String RECOMMENDATIONS = "recommendations";
  public static final String BUNDLES = "bundles";
  public static final String FBT = "frequently_bought_together";
  public static final String SIMILAR = "similar_items";

  /** The strategy of surfaces whose table names none. */
  public static final String NO_STRATEGY = "default";

  /** What was shown: one row per (surface, user or null, item or null, bundle or null). */
  public static final StructType EXPOSURES =
      new StructType()
          .add("surface", StringType, false)
          .add("user_id", StringType, true)
          .add("item_id", StringType, true)
          .add("bundle_id", StringType, true)
          .add("strategy", StringType, false);

  private FeedbackPerformance() {}

  /** (surface, user_id, item_id, null, strategy) of every listed item of every user. */
  public static Dataset<Row> recommendationExposures(Dataset<Row> recommendations) {
    return recommendations
        .select(col("user_id"), col("strategy"), explode(col("items")).as("i"))
        .select(
            lit(RECOMMENDATIONS).as("surface"),
            col("user_id"),
            col("i.item_id").as("item_id"),
            lit(null).cast(StringType).as("bundle_id"),
            col("strategy"));
  }

  /** (surface, null, companion, null, default): any item listed as a companion of some item. */
  public static Dataset<Row> companionExposures(Dataset<Row> fbt) {
    return listedItems(fbt, "companions", FBT);
  }

  /** (surface, null, neighbour, null, default): any item listed as a neighbour of some item. */
  public static Dataset<Row> neighborExposures(Dataset<Row> similar) {
    return listedItems(similar, "neighbors", SIMILAR);
  }

  /** (surface, user_id, null, bundle_id, default): each user is shown their segment's bundles. */
  public static Dataset<Row> bundleExposures(Dataset<Row> bundles, Dataset<Row> segments) {
    return segments
        .select("user_id", "segment_id")
        .join(bundles.select("segment_id", "bundle_id"), "segment_id")
        .select(
            lit(BUNDLES).as("surface"),
            col("user_id"),
            lit(null).cast(StringType).as("item_id"),
            col("bundle_id"),
            lit(NO_STRATEGY).as("strategy"));
  }

  private static Dataset<Row> listedItems(Dataset<Row> table, String listColumn, String surface) {
    return table
        .select(explode(col(listColumn)).as("l"))
        .select(
            lit(surface).as("surface"),
            lit(null).cast(StringType).as("user_id"),
            col("l.item_id").as("item_id"),
            lit(null).cast(StringType).as("bundle_id"),
            lit(NO_STRATEGY).as("strategy"))
        .distinct();
  }

  /**
   * The feedback rows (surface, user_id, item_id, bundle_id, action, ...) with the {@code strategy}
   * of the exposure they match, null when they match none. Never adds or drops a feedback row.
   */
  public static Dataset<Row> attribute(Dataset<Row> feedback, Dataset<Row> exposures) {
    Dataset<Row> shown =
        keyed(exposures)
            .select(
                col("surface").as("e_surface"),
                col("k_user").as("e_user"),
                col("k_item").as("e_item"),
                col("k_bundle").as("e_bundle"),
                col("strategy"))
            // One strategy per key, so a feedback row can never be counted twice.
            .dropDuplicates("e_surface", "e_user", "e_item", "e_bundle");
    Dataset<Row> rows = keyed(feedback);
    Column match =
        rows.col("surface")
            .equalTo(shown.col("e_surface"))
            .and(rows.col("k_user").eqNullSafe(shown.col("e_user")))
            .and(rows.col("k_item").eqNullSafe(shown.col("e_item")))
            .and(rows.col("k_bundle").eqNullSafe(shown.col("e_bundle")));
    return rows.join(shown, match, "left")
        .drop("k_user", "k_item", "k_bundle", "e_surface", "e_user", "e_item", "e_bundle");
  }

  /** The matching key of a row on its surface: which of user, item and bundle must agree. */
  private static Dataset<Row> keyed(Dataset<Row> in) {
    Column perUser = col("surface").isin(RECOMMENDATIONS, BUNDLES);
    Column bundle = col("surface").equalTo(BUNDLES);
    return in.withColumn("k_user", when(perUser, col("user_id")))
        .withColumn("k_item", when(bundle.unary_$bang(), col("item_id")))
        .withColumn("k_bundle", when(bundle, col("bundle_id")));
  }

  /**
   * Per (surface, strategy): rows, impressions, clicks, add_to_carts, purchases, dismissals, and
   * ctr = clicks / impressions, add_to_cart_rate = add_to_carts / impressions, conversion =
   * purchases / impressions (null without impressions). Unmatched rows form their surface's group
   * with a null strategy.
   */
  public static Dataset<Row> summarize(Dataset<Row> attributed) {
    Dataset<Row> counts =
        attributed
            .groupBy("surface", "strategy")
            .agg(
                count(lit(1)).as("rows"),
                actions("impression").as("impressions"),
                actions("click").as("clicks"),
                actions("add_to_cart").as("add_to_carts"),
                actions("purchase").as("purchases"),
                actions("dismiss").as("dismissals"));
    return counts
        .withColumn("ctr", perImpression("clicks"))
        .withColumn("add_to_cart_rate", perImpression("add_to_carts"))
        .withColumn("conversion", perImpression("purchases"));
  }

  /** {@link #summarize} of {@link #attribute}: the whole measurement in one call. */
  public static Dataset<Row> performance(Dataset<Row> feedback, Dataset<Row> exposures) {
    return summarize(attribute(feedback, exposures));
  }

  private static Column actions(String action) {
    return sum(when(col("action").equalTo(action), 1L).otherwise(0L));
  }

  private static Column perImpression(String numerator) {
    return when(col("impressions").gt(0), col(numerator).divide(col("impressions")));
  }
}
