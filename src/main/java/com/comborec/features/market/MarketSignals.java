package com.comborec.features.market;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import com.comborec.store.WorkSchemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Market demand turned into signals per category and day (pure transforms, no IO):
 *
 * <ul>
 *   <li>{@code trend} = mean demand_index over the short window / mean over the long window.
 *       Windows are calendar days ending on the day (a missing day is simply absent, not zero);
 *       with no more history than the short window, the trend is 1.
 *   <li>{@code seasonal_index} = demand_index on the same calendar day a year earlier (Feb 29 maps
 *       to Feb 28) / the long-window mean ending on that day; null where that day has no row.
 *   <li>{@code boost} = clamp(1 + boost_strength * (trend - 1), 1 / max_boost, max_boost): a
 *       bounded multiplicative ranking factor; 1 when the trend is unknown.
 * </ul>
 */
public final class MarketSignals {

  private MarketSignals() {}

  /** One demand value per category and date: repeated rows of the same day are averaged. */
  public static Dataset<Row> dailyDemand(Dataset<Row> market) {
    return market
        .where(
            col("category").isNotNull().and(col("date").isNotNull()).and(col("demand_index").gt(0)))
        .groupBy(col("category"), col("date"))
        .agg(avg("demand_index").as("demand_index"));
  }

  /** Trend, seasonal index and boost for every category and date of the (validated) market rows. */
  public static Dataset<Row> computeSignals(Dataset<Row> market, MarketSettings s) {
    Dataset<Row> windows = windowMeans(dailyDemand(market), s);
    Dataset<Row> withTrend =
        windows.withColumn("trend", col("short_mean").divide(col("long_mean")));
    return withSeasonalIndex(withTrend)
        .withColumn("boost", boost(col("trend"), s))
        .select(columns());
  }

  /**
   * The bounded ranking factor for a trend column: clamp(1 + strength * (trend - 1), 1/max, max).
   */
  public static Column boost(Column trend, MarketSettings s) {
    Column raw = lit(1.0).plus(lit(s.boostStrength()).multiply(trend.minus(1.0)));
    Column bounded = least(lit(s.maxBoost()), greatest(lit(1.0 / s.maxBoost()), raw));
    return coalesce(bounded, lit(1.0));
  }

  /** The signals of one day. */
  public static Dataset<Row> onDay(Dataset<Row> signals, java.time.LocalDate day) {
    return signals.where(col("date").equalTo(to_date(lit(day.toString()))));
  }

  private static Dataset<Row> windowMeans(Dataset<Row> daily, MarketSettings s) {
    Column dayNumber = datediff(col("date"), to_date(lit("1970-01-01")));
    WindowSpec byDay = Window.partitionBy("category").orderBy(dayNumber);
    WindowSpec shortWindow = byDay.rangeBetween(-(s.shortWindowDays() - 1L), 0);
    WindowSpec longWindow = byDay.rangeBetween(-(s.longWindowDays() - 1L), 0);
    return daily
        .withColumn("short_mean", avg("demand_index").over(shortWindow))
        .withColumn("long_mean", avg("demand_index").over(longWindow))
        .withColumn("long_days", count("demand_index").over(longWindow));
  }

  private static Dataset<Row> withSeasonalIndex(Dataset<Row> signals) {
    Dataset<Row> yearAgo =
        signals.select(
            col("category").as("ya_category"),
            col("date").as("ya_date"),
            col("demand_index").divide(col("long_mean")).as("seasonal_index"));
    Column sameDayLastYear =
        col("ya_category")
            .equalTo(col("category"))
            .and(col("ya_date").equalTo(add_months(col("date"), -12)));
    return signals.join(yearAgo, sameDayLastYear, "left").drop("ya_category", "ya_date");
  }

  private static Column[] columns() {
    return java.util.Arrays.stream(WorkSchemas.MARKET_SIGNALS.fieldNames())
        .map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
  }
}
