package com.comborec.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Each user's share of purchased quantity per top-level category: one column per top category
 * ({@code share_<token>}) and the rest summed as {@code share_other}; a user's shares sum to 1.
 */
public final class CategoryShares {
  static final String PREFIX = "share";

  private CategoryShares() {}

  /** The top-level categories with the most purchased units in the window, ties by name. */
  public static List<TopValues.Value> topCategories(Dataset<Row> lines, int n) {
    return TopValues.top(purchases(lines), "category_token", "top_category", col("quantity"), n);
  }

  /** The share columns, in order: one per top category, then {@code share_other}. */
  public static List<String> columns(List<TopValues.Value> top) {
    return TopValues.oneHotColumns(PREFIX, top);
  }

  /** user_id and the share columns, for users with at least one purchased unit. */
  public static Dataset<Row> computeShares(Dataset<Row> lines, List<TopValues.Value> top) {
    List<Column> sums = new ArrayList<>();
    Column kept = lit(false);
    for (TopValues.Value v : top) {
      Column hit = col("category_token").equalTo(v.token());
      sums.add(sum(when(hit, col("quantity")).otherwise(0)).as(PREFIX + "_" + v.token()));
      kept = kept.or(hit);
    }
    sums.add(sum(when(kept, 0).otherwise(col("quantity"))).as(PREFIX + "_" + TopValues.OTHER));
    Dataset<Row> units =
        purchases(lines)
            .groupBy("user_id")
            .agg(sum("quantity").as("units"), sums.toArray(Column[]::new));
    List<Column> shares = new ArrayList<>();
    shares.add(col("user_id"));
    for (String c : columns(top)) {
      shares.add(col(c).cast("double").divide(col("units")).as(c));
    }
    return units.filter(col("units").gt(0)).select(shares.toArray(Column[]::new));
  }

  private static Dataset<Row> purchases(Dataset<Row> lines) {
    return lines
        .filter(col("event_type").equalTo(RfmFeatures.PURCHASE))
        .withColumn("category_token", TopValues.token(col("top_category")));
  }
}
