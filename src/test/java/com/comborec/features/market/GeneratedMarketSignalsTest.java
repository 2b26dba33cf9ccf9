package com.comborec.features.market;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.generate.Generator;
import com.comborec.generate.GeneratorSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's planted trend breaks come out of MarketSignals as rising and falling categories.
 */
class GeneratedMarketSignalsTest {
  private static final SparkSession SPARK = TestSpark.session();

  /** A week against three weeks: both span whole weeks, so the weekly cycle cancels out. */
  private static final MarketSettings S = new MarketSettings(7, 21, 0.5, 1.5, 1.1);

  @TempDir Path tmp;

  @Test
  void plantedBreaksShowAsRisingAndFallingCategoriesAWeekLater() {
    LocalDate from = LocalDate.of(2026, 6, 1);
    Path root = tmp.resolve("set");
    Generator.run(
        SPARK,
        GeneratorSpec.defaults(root.toString(), from, from.plusDays(27))
            .withSeed(21)
            .withUsers(100)
            .withItems(100)
            .withEvents(2_800)
            .withMalformedFraction(0)
            .withMarketHistoryDays(21));
    Dataset<Row> market =
        SPARK
            .read()
            .option("header", true)
            .option("multiLine", true)
            .option("escape", "\"")
            .schema(Schemas.validated(Source.MARKET))
            .csv(root.resolve("market").toString());
    Dataset<Row> signals = MarketSignals.computeSignals(market, S).cache();
    List<Row> breaks =
        SPARK
            .read()
            .option("multiLine", true)
            .json(root.resolve("truth/market.json").toString())
            .selectExpr("explode(trend_breaks) as b")
            .select("b.category", "b.date", "b.direction")
            .collectAsList();
    assertEquals(3, breaks.size(), "planted breaks");
    for (Row b : breaks) {
      LocalDate weekLater = LocalDate.parse(b.getString(1)).plusDays(6);
      MarketMovers.Movers movers = MarketMovers.topMovers(signals, weekLater, S, 20);
      List<MarketMovers.CategoryTrend> side =
          b.getString(2).equals("rising") ? movers.rising() : movers.falling();
      assertTrue(
          side.stream().anyMatch(t -> t.category().equals(b.getString(0))),
          b.getString(0) + " should be " + b.getString(2) + " on " + weekLater + ": " + movers);
    }
    long outOfBounds =
        signals.where(col("boost").lt(1 / 1.5 - 1e-12).or(col("boost").gt(1.5 + 1e-12))).count();
    assertEquals(0L, outOfBounds, "boosts outside [1/1.5, 1.5]");
    signals.unpersist();
  }
}
