package com.comborec.segment;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Recency, frequency and monetary value per user, from the purchases and returns of the look-back
 * window. Users without any purchase or return get no row here; {@link UserFeatures} fills them.
 */
public final class RfmFeatures {
  static final String PURCHASE = "purchase";
  static final String RETURN = "return";

  private RfmFeatures() {}

  /**
   * Purchase and return lines of known users (guests dropped), priced and categorised: user_id,
   * event_type, order_id, dt, quantity (null = 1), amount (quantity x unit price, falling back to
   * the catalog price, 0 when neither is known) and top_category (the part before the first ' > ').
   */
  public static Dataset<Row> priceLines(Dataset<Row> events, Dataset<Row> products) {
    Dataset<Row> catalog =
        products.select(
            col("item_id"),
            col("price").as("catalog_price"),
            col("category").as("catalog_category"));
    Column quantity = coalesce(col("quantity"), lit(1));
    Column price = coalesce(col("unit_price"), col("catalog_price"), lit(0.0));
    Column category = coalesce(col("catalog_category"), lit("uncategorized"));
    return events
        .filter(col("user_id").isNotNull().and(col("event_type").isin(PURCHASE, RETURN)))
        .join(catalog, "item_id", "left")
        .select(
            col("user_id"),
            col("event_type"),
            col("order_id"),
            col("dt"),
            quantity.as("quantity"),
            quantity.cast("double").multiply(price).as("amount"),
            trim(substring_index(category, " > ", 1)).as("top_category"));
  }

  /**
   * user_id, recency_days (int: run day minus the day of the last purchase; null without one),
   * frequency (long: distinct baskets, an order_id or else the user's purchase day) and monetary
   * (double: purchases minus returns, floored at 0 since a refund of an earlier window's purchase
   * must not make a customer worth less than nothing).
   */
  public static Dataset<Row> computeRfm(Dataset<Row> lines, LocalDate runDate) {
    Column purchase = col("event_type").equalTo(PURCHASE);
    // Prefixes keep an order id from ever colliding with a day key.
    Column basket =
        when(col("order_id").isNotNull(), concat(lit("o:"), col("order_id")))
            .otherwise(concat(lit("d:"), col("dt").cast("string")));
    Column signed = when(purchase, col("amount")).otherwise(col("amount").multiply(-1.0));
    return lines
        .groupBy("user_id")
        .agg(
            max(when(purchase, col("dt"))).as("last_purchase"),
            countDistinct(when(purchase, basket)).as("frequency"),
            sum(signed).as("net"))
        .select(
            col("user_id"),
            datediff(lit(runDate), col("last_purchase")).as("recency_days"),
            col("frequency"),
            greatest(col("net"), lit(0.0)).as("monetary"));
  }
}
