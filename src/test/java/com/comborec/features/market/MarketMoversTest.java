package com.comborec.features.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Rising and falling categories and the boost items inherit, on a hand-computed fixture. */
class MarketMoversTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final double EPS = 1e-9;
  private static final MarketSettings S = new MarketSettings(2, 4, 0.5, 1.5, 1.1);
  private static final LocalDate D1 = LocalDate.of(2026, 3, 1);
  private static final LocalDate D6 = D1.plusDays(5);

  /**
   * Day 6 trends (short 2 days / long 4 days): Kitchen 1,1,1,1,2,2 -> 4/3 (boost 7/6); Garden
   * 1,1,1,1,1.2,1.2 -> 1.2/1.1 = 1.0909 (below 1.1: not rising); Books 2,2,2,2,1,1 -> 2/3 (boost
   * 5/6); "Kitchen > Cookware > Pans" 1,1,1,1,1,1 -> 1 (boost 1).
   */
  private static Dataset<Row> signals() {
    List<Row> rows = new ArrayList<>();
    add(rows, "Kitchen", 1, 1, 1, 1, 2, 2);
    add(rows, "Garden", 1, 1, 1, 1, 1.2, 1.2);
    add(rows, "Books", 2, 2, 2, 2, 1, 1);
    add(rows, "Kitchen > Cookware > Pans", 1, 1, 1, 1, 1, 1);
    return MarketSignals.computeSignals(
        SPARK.createDataFrame(rows, Schemas.validated(Source.MARKET)), S);
  }

  private static void add(List<Row> rows, String category, double... demand) {
    for (int k = 0; k < demand.length; k++) {
      rows.add(RowFactory.create(Date.valueOf(D1.plusDays(k)), category, demand[k], null));
    }
  }

  @Test
  void topMoversListRisingAndFallingCategoriesOfTheDay() {
    MarketMovers.Movers movers = MarketMovers.topMovers(signals(), D6, S, 5);
    assertEquals(
        List.of("Kitchen"),
        movers.rising().stream().map(MarketMovers.CategoryTrend::category).toList(),
        "rising categories (Garden's 1.09 is under the 1.1 threshold)");
    assertEquals(4.0 / 3, movers.rising().get(0).trend(), EPS, "Kitchen trend");
    assertEquals(
        List.of("Books"),
        movers.falling().stream().map(MarketMovers.CategoryTrend::category).toList(),
        "falling categories (trend <= 1/1.1)");
    assertEquals(5.0 / 6, movers.falling().get(0).boost(), EPS, "Books boost");
  }

  @Test
  void itemsTakeTheirFullPathFirstThenTheirTopCategoryElseOne() {
    Dataset<Row> products =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create("pan", "Kitchen > Cookware > Pans"),
                RowFactory.create("pot", "Kitchen > Cookware > Pots"),
                RowFactory.create("novel", "Books > Fiction > Crime"),
                RowFactory.create("toy", "Toys > Puzzles")),
            new org.apache.spark.sql.types.StructType()
                .add("item_id", "string")
                .add("category", "string"));
    Map<String, Row> boosts = new HashMap<>();
    for (Row r :
        MarketMovers.itemBoosts(products, MarketSignals.onDay(signals(), D6)).collectAsList()) {
      boosts.put(r.getString(0), r);
    }
    // pan: its own path row (trend 1 -> boost 1); pot: Kitchen (7/6); novel: Books (5/6); toy: none
    // (1).
    assertEquals(
        "Kitchen > Cookware > Pans", boosts.get("pan").getString(1), "pan market_category");
    assertEquals(1.0, boosts.get("pan").getDouble(3), EPS, "pan boost");
    assertEquals(7.0 / 6, boosts.get("pot").getDouble(3), EPS, "pot boost");
    assertEquals(5.0 / 6, boosts.get("novel").getDouble(3), EPS, "novel boost");
    assertEquals(1.0, boosts.get("toy").getDouble(3), EPS, "toy boost");
    assertEquals(null, boosts.get("toy").get(1), "toy market_category");
  }

  /**
   * What the market stage writes for the same products: only items with a signal (toy has none),
   * rising only where the trend reaches 1.1: pot (Kitchen 4/3) yes; pan (its own path, trend 1) and
   * novel (Books 2/3) no.
   */
  @Test
  void stageItemBoostsKeepSignalledItemsAndFlagRisingOnes() {
    Dataset<Row> products =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create("pan", "Kitchen > Cookware > Pans"),
                RowFactory.create("pot", "Kitchen > Cookware > Pots"),
                RowFactory.create("novel", "Books > Fiction > Crime"),
                RowFactory.create("toy", "Toys > Puzzles")),
            new org.apache.spark.sql.types.StructType()
                .add("item_id", "string")
                .add("category", "string"));
    Map<String, Boolean> rising = new java.util.TreeMap<>();
    for (Row r :
        MarketStage.itemBoosts(products, MarketSignals.onDay(signals(), D6), S).collectAsList()) {
      rising.put(r.getString(0), r.getBoolean(4));
    }
    assertEquals(Map.of("pan", false, "pot", true, "novel", false), rising);
    assertEquals(
        D6.minusYears(1).minusDays(4), MarketStage.historyStart(D6, S), "long window a year back");
  }
}
