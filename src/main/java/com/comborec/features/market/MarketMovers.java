package com.comborec.features.market;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the market signals mean for one day: the categories rising and falling most (for the run
 * manifest and the {@code trending} reason), and the boost each item inherits from its category.
 */
public final class MarketMovers {
  /** One category's trend and boost on the day. */
  public record CategoryTrend(String category, double trend, double boost) {}

  /** The top rising (trend descending) and falling (trend ascending) categories of a day. */
  public record Movers(List<CategoryTrend> rising, List<CategoryTrend> falling) {}

  private MarketMovers() {}

  /** Categories whose trend is at least the rising threshold on the day, strongest first. */
  public static Dataset<Row> risingCategories(
      Dataset<Row> signals, LocalDate day, MarketSettings s) {
    return MarketSignals.onDay(signals, day)
        .where(col("trend").geq(s.risingThreshold()))
        .select("category", "trend", "boost")
        .orderBy(col("trend").desc(), col("category"));
  }

  /**
   * Categories whose trend is at most the falling threshold (1 / rising) on the day, weakest first.
   */
  public static Dataset<Row> fallingCategories(
      Dataset<Row> signals, LocalDate day, MarketSettings s) {
    return MarketSignals.onDay(signals, day)
        .where(col("trend").leq(s.fallingThreshold()))
        .select("category", "trend", "boost")
        .orderBy(col("trend").asc(), col("category"));
  }

  /** At most {@code n} rising and {@code n} falling categories, collected (bounded by n). */
  public static Movers topMovers(Dataset<Row> signals, LocalDate day, MarketSettings s, int n) {
    return new Movers(
        collect(risingCategories(signals, day, s), n),
        collect(fallingCategories(signals, day, s), n));
  }

  /**
   * The boost each product inherits: from a market row for its full category path if there is one,
   * else for its top-level category (the part before the first {@code >}), else 1.0. Output:
   * item_id, market_category (null when unmatched), trend (nullable), boost.
   */
  public static Dataset<Row> itemBoosts(Dataset<Row> products, Dataset<Row> daySignals) {
    Dataset<Row> items =
        products.select(
            col("item_id"),
            trim(col("category")).as("path"),
            trim(split(col("category"), ">").getItem(0)).as("top"));
    Dataset<Row> byPath =
        daySignals.select(
            col("category").as("p_category"),
            col("trend").as("p_trend"),
            col("boost").as("p_boost"));
    Dataset<Row> byTop =
        daySignals.select(
            col("category").as("t_category"),
            col("trend").as("t_trend"),
            col("boost").as("t_boost"));
    return items
        .join(byPath, col("path").equalTo(col("p_category")), "left")
        .join(byTop, col("top").equalTo(col("t_category")), "left")
        .select(
            col("item_id"),
            coalesce(col("p_category"), col("t_category")).as("market_category"),
            coalesce(col("p_trend"), col("t_trend")).as("trend"),
            coalesce(col("p_boost"), col("t_boost"), lit(1.0)).as("boost"));
  }

  private static List<CategoryTrend> collect(Dataset<Row> ranked, int n) {
    List<CategoryTrend> out = new ArrayList<>();
    for (Row r : ranked.limit(n).collectAsList()) {
      out.add(new CategoryTrend(r.getString(0), r.getDouble(1), r.getDouble(2)));
    }
    return out;
  }
}
