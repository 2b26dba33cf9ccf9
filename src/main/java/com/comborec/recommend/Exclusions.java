package com.comborec.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What may never be listed: items the catalog cannot sell (inactive, out of stock, or gone from the
 * snapshot) for everyone, and per user the items bought in the window and the items dismissed.
 */
public final class Exclusions {
  private Exclusions() {}

  /**
   * (item_id) of the snapshot that may be listed: active (null = true) and not out of stock (null =
   * unknown = ok).
   */
  public static Dataset<Row> availableItems(Dataset<Row> products) {
    Column active = col("active").isNull().or(col("active"));
    Column inStock = col("stock").isNull().or(col("stock").gt(0));
    return products.filter(active.and(inStock)).select("item_id").distinct();
  }

  /** (user_id, item_id) purchased by a known (non-guest) user in the given events. */
  public static Dataset<Row> purchases(Dataset<Row> events) {
    return events
        .filter(col("event_type").equalTo(lit("purchase")).and(col("user_id").isNotNull()))
        .select("user_id", "item_id")
        .distinct();
  }

  /** (user_id, item_id) the user dismissed (feedback action 'dismiss') on a day >= {@code from}. */
  public static Dataset<Row> dismissals(Dataset<Row> feedback, LocalDate from) {
    return feedback
        .filter(
            lower(col("action"))
                .equalTo(lit("dismiss"))
                .and(col("user_id").isNotNull())
                .and(col("item_id").isNotNull())
                .and(col("dt").geq(lit(Date.valueOf(from)))))
        .select("user_id", "item_id")
        .distinct();
  }

  /**
   * (user_id, item_id) never to list for that user: purchases (unless repeat purchase, a model
   * setting: the model's lists follow it too) and dismissals.
   */
  public static Dataset<Row> userExclusions(
      Dataset<Row> purchases, Dataset<Row> dismissals, boolean repeatPurchase) {
    Dataset<Row> dismissed = dismissals.select("user_id", "item_id");
    return repeatPurchase
        ? dismissed
        : purchases.select("user_id", "item_id").union(dismissed).distinct();
  }

  /** Keeps candidates whose item is available and not excluded for their user. */
  public static Dataset<Row> drop(
      Dataset<Row> candidates, Dataset<Row> userExclusions, Dataset<Row> available) {
    return candidates
        .join(available.select("item_id"), new String[] {"item_id"}, "left_semi")
        .join(
            userExclusions.select("user_id", "item_id"),
            new String[] {"user_id", "item_id"},
            "left_anti");
  }

  /** The exclusions in TopN's dense ids: (uid, iids), only for users and items of the model. */
  public static Dataset<Row> indexed(
      Dataset<Row> userExclusions, Dataset<Row> userIndex, Dataset<Row> itemIndex) {
    return userExclusions
        .join(userIndex, "user_id")
        .join(itemIndex, "item_id")
        .groupBy("uid")
        .agg(collect_set(col("iid")).as("iids"));
  }
}
