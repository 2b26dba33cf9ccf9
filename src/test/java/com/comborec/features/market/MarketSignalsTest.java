package com.comborec.features.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Trend, seasonal index and boost on small fixtures computed by hand (windows of 2 and 4 days). */
class MarketSignalsTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final double EPS = 1e-9;
  private static final MarketSettings S = new MarketSettings(2, 4, 0.5, 1.5, 1.1);
  private static final LocalDate D1 = LocalDate.of(2026, 3, 1);

  private static Dataset<Row> market(List<Row> rows) {
    return SPARK.createDataFrame(rows, Schemas.validated(Source.MARKET));
  }

  /** Rows of one category on consecutive days from D1 + offset. */
  private static void series(List<Row> rows, String category, LocalDate first, double... demand) {
    for (int k = 0; k < demand.length; k++) {
      rows.add(RowFactory.create(Date.valueOf(first.plusDays(k)), category, demand[k], 1.0));
    }
  }

  /** (category, date) -> row of the signals. */
  private static Map<String, Row> byKey(Dataset<Row> signals) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : signals.collectAsList()) {
      out.put(r.getString(r.fieldIndex("category")) + "@" + r.getDate(r.fieldIndex("date")), r);
    }
    return out;
  }

  private static double value(
      Map<String, Row> signals, String category, LocalDate day, String column) {
    Row r = signals.get(category + "@" + Date.valueOf(day));
    return r.getDouble(r.fieldIndex(column));
  }

  @Test
  void trendIsShortMeanOverLongMeanAndBoostFollowsIt() {
    List<Row> rows = new ArrayList<>();
    series(rows, "Up", D1, 1, 1, 1, 1, 2, 2);
    series(rows, "Down", D1, 2, 2, 2, 2, 1, 1);
    Map<String, Row> s = byKey(MarketSignals.computeSignals(market(rows), S));
    LocalDate d6 = D1.plusDays(5);
    // Up on day 6: short (2 + 2) / 2 = 2; long (1 + 1 + 2 + 2) / 4 = 1.5; trend 4/3;
    // boost 1 + 0.5 * (1/3) = 7/6.
    assertEquals(2.0, value(s, "Up", d6, "short_mean"), EPS, "Up short_mean");
    assertEquals(1.5, value(s, "Up", d6, "long_mean"), EPS, "Up long_mean");
    assertEquals(4.0 / 3, value(s, "Up", d6, "trend"), EPS, "Up trend");
    assertEquals(7.0 / 6, value(s, "Up", d6, "boost"), EPS, "Up boost");
    // Down on day 6: short 1, long 1.5, trend 2/3, boost 1 - 0.5/3 = 5/6.
    assertEquals(2.0 / 3, value(s, "Down", d6, "trend"), EPS, "Down trend");
    assertEquals(5.0 / 6, value(s, "Down", d6, "boost"), EPS, "Down boost");
    // Day 1 has only itself in both windows: trend 1, boost 1.
    assertEquals(1.0, value(s, "Up", D1, "trend"), EPS, "Up trend on the first day");
    assertEquals(1.0, value(s, "Up", D1, "boost"), EPS, "Up boost on the first day");
  }

  @Test
  void boostIsClampedToOneOverMaxAndMax() {
    List<Row> rows = new ArrayList<>();
    series(rows, "Boom", D1, 1, 1, 1, 1, 10, 10);
    series(rows, "Bust", D1, 10, 10, 10, 10, 1, 1);
    MarketSettings strong = new MarketSettings(2, 4, 1.0, 1.5, 1.1);
    Map<String, Row> s = byKey(MarketSignals.computeSignals(market(rows), strong));
    LocalDate d6 = D1.plusDays(5);
    // Boom: short 10, long 5.5, trend 20/11 = 1.818; 1 + 1.0 * 0.818 = 1.818 > 1.5 -> 1.5.
    assertEquals(20.0 / 11, value(s, "Boom", d6, "trend"), EPS, "Boom trend");
    assertEquals(1.5, value(s, "Boom", d6, "boost"), EPS, "Boom boost (upper bound)");
    // Bust: short 1, long 5.5, trend 2/11 = 0.182; 1 - 0.818 = 0.182 < 1/1.5 -> 2/3.
    assertEquals(2.0 / 11, value(s, "Bust", d6, "trend"), EPS, "Bust trend");
    assertEquals(2.0 / 3, value(s, "Bust", d6, "boost"), EPS, "Bust boost (lower bound)");
  }

  @Test
  void windowsAreCalendarDaysAndRepeatedRowsAreAveraged() {
    List<Row> rows = new ArrayList<>();
    series(rows, "Gap", D1, 1, 1);
    series(rows, "Gap", D1.plusDays(4), 3, 3);
    // Two rows for the same day average to (1 + 3) / 2 = 2.
    series(rows, "Twice", D1, 1);
    series(rows, "Twice", D1, 3);
    Map<String, Row> s = byKey(MarketSignals.computeSignals(market(rows), S));
    LocalDate d6 = D1.plusDays(5);
    // Gap on day 6: the long window (days 3..6) holds only days 5 and 6: mean 3, trend 1, 2 days.
    assertEquals(3.0, value(s, "Gap", d6, "long_mean"), EPS, "Gap long_mean");
    assertEquals(
        2L,
        s.get("Gap@" + Date.valueOf(d6))
            .getLong(s.get("Gap@" + Date.valueOf(d6)).fieldIndex("long_days")),
        "Gap long_days");
    assertEquals(1.0, value(s, "Gap", d6, "trend"), EPS, "Gap trend");
    assertEquals(2.0, value(s, "Twice", D1, "demand_index"), EPS, "Twice demand_index");
  }

  @Test
  void seasonalIndexComparesTheSameDayAYearEarlierWithItsLongMean() {
    List<Row> rows = new ArrayList<>();
    LocalDate lastYear = D1.minusYears(1);
    series(rows, "S", lastYear, 1, 1, 1, 2);
    series(rows, "S", D1, 1.5, 1.5, 1.5, 3);
    Map<String, Row> s = byKey(MarketSignals.computeSignals(market(rows), S));
    // 2026-03-04: a year earlier the demand was 2, its 4-day mean (1 + 1 + 1 + 2) / 4 = 1.25 ->
    // 1.6.
    assertEquals(
        1.6, value(s, "S", D1.plusDays(3), "seasonal_index"), EPS, "seasonal_index on day 4");
    // 2026-03-03: a year earlier 1 over a mean of 1 -> 1.0.
    assertEquals(
        1.0, value(s, "S", D1.plusDays(2), "seasonal_index"), EPS, "seasonal_index on day 3");
    Row first = s.get("S@" + Date.valueOf(lastYear));
    assertNull(
        first.get(first.fieldIndex("seasonal_index")), "no history a year before " + lastYear);
  }
}
