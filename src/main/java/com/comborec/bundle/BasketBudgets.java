package com.comborec.bundle;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The budget of each segment: a percentile of what its members spend per basket, so a bundle's list
 * price stays within what the segment is used to paying at once.
 */
public final class BasketBudgets {
  /** Relative error 1/accuracy of percentile_approx: 1e-4, exact for fewer values than this. */
  private static final int ACCURACY = 10_000;

  private BasketBudgets() {}

  /**
   * (segment_id, basket, value): a basket is an order_id, or one user's purchases on one day when
   * the order id is absent; its value is the sum of quantity * unit price, the catalog price
   * standing in for an absent unit price. Needs events with user_id, item_id, event_type, quantity,
   * unit_price, order_id, dt.
   */
  public static Dataset<Row> basketValues(
      Dataset<Row> events, Dataset<Row> products, Dataset<Row> segments) {
    Dataset<Row> prices = products.select(col("item_id"), col("price").as("catalog_price"));
    return BundleCandidates.purchases(events)
        .join(segments, "user_id")
        .join(prices, "item_id")
        .withColumn(
            "basket",
            when(col("order_id").isNotNull(), concat_ws("|", lit("o"), col("order_id")))
                .otherwise(concat_ws("|", lit("u"), col("user_id"), col("dt").cast("string"))))
        .withColumn(
            "line_value",
            coalesce(col("quantity"), lit(1))
                .multiply(coalesce(col("unit_price"), col("catalog_price"))))
        .groupBy("segment_id", "basket")
        .agg(sum("line_value").as("value"));
  }

  /** (segment_id, budget): the given percentile of the segment's basket values. */
  public static Dataset<Row> segmentBudgets(Dataset<Row> basketValues, double percentile) {
    return basketValues
        .groupBy("segment_id")
        .agg(percentile_approx(col("value"), lit(percentile), lit(ACCURACY)).as("budget"));
  }
}
