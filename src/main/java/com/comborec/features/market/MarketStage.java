package com.comborec.features.market;

import static org.apache.spark.sql.functions.col;

import com.comborec.contract.Source;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.store.ValidatedStore;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkStore;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns the validated market rows into the run day's signals: each category's trend, seasonal index
 * and ranking boost, and the boost every product inherits from its category. The recommend stage
 * ranks with the item boosts, the bundle stage weights demand with them, and the manifest names the
 * day's top rising and falling categories. Without market data every boost is 1.
 */
public final class MarketStage implements Stage<MarketResult> {
  /** Rising and falling categories listed in the manifest. */
  static final int MOVERS = 5;

  @Override
  public String name() {
    return "market";
  }

  @Override
  public String description() {
    return "validated market (long window, and a year earlier) + products -> work market_signals,"
        + " item_boosts";
  }

  @Override
  public List<SettingsSection<?>> settings() {
    return List.of(MarketSettings.SECTION);
  }

  @Override
  public MarketResult run(RunContext ctx) {
    MarketSettings s = ctx.config().get(MarketSettings.SECTION);
    LocalDate day = ctx.runDate();
    Dataset<Row> market = ValidatedStore.daily(ctx, Source.MARKET, historyStart(day, s), day);
    Dataset<Row> signals = MarketSignals.computeSignals(market, s).persist();
    try {
      Dataset<Row> today = MarketSignals.onDay(signals, day);
      long categories = WorkStore.write(ctx, WorkDataset.MARKET_SIGNALS, today);
      Dataset<Row> boosts =
          itemBoosts(
              ValidatedStore.products(ctx), WorkStore.read(ctx, WorkDataset.MARKET_SIGNALS), s);
      long boosted = WorkStore.write(ctx, WorkDataset.ITEM_BOOSTS, boosts);
      MarketMovers.Movers movers = MarketMovers.topMovers(signals, day, s, MOVERS);
      return new MarketResult(
          new MarketResult.Market(categories, boosted, movers.rising(), movers.falling()));
    } finally {
      signals.unpersist();
    }
  }

  /**
   * The first market day the signals need: the long window, and the same window a year earlier for
   * the seasonal index.
   */
  static LocalDate historyStart(LocalDate day, MarketSettings s) {
    return day.minusYears(1).minusDays(s.longWindowDays());
  }

  /** Items whose category has a signal, with its boost and whether the category is rising. */
  static Dataset<Row> itemBoosts(Dataset<Row> products, Dataset<Row> daySignals, MarketSettings s) {
    return MarketMovers.itemBoosts(products, daySignals)
        .where(col("market_category").isNotNull())
        .withColumn("rising", col("trend").geq(s.risingThreshold()).and(col("trend").isNotNull()))
        .select("item_id", "market_category", "trend", "boost", "rising");
  }
}
