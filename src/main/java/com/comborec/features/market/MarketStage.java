package com.comborec.features.market;

import static org.apache.spark.sql.functions.col;

import com.comborec.contract.Source;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.store.TableWriter;
import com.comborec.store.ValidatedStore;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns the validated market rows into the run day's signals: each category's trend, seasonal index
 * and ranking boost, and the boost every product inherits from its category. The recommend stage
 * ranks with the item boosts, the bundle stage weights demand with them, and the manifest names the
 * day's top rising and falling categories. Without market data every boost is 1.
 */
public final class MarketStage implements Stage {
  public static final String CATEGORY_SIGNALS = "market_signals";
  public static final String ITEM_BOOSTS = "item_boosts";

  /** Rising and falling categories listed in the manifest. */
  static final int MOVERS = 5;

  /** What the recommend and bundle stages read: one row per product of the snapshot in force. */
  public static final StructType ITEM_BOOSTS_SCHEMA =
      new StructType()
          .add("item_id", DataTypes.StringType, false)
          .add("market_category", DataTypes.StringType, true)
          .add("trend", DataTypes.DoubleType, true)
          .add("boost", DataTypes.DoubleType, false)
          .add("rising", DataTypes.BooleanType, false);

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
  public void run(RunContext ctx) {
    MarketSettings s = ctx.config().get(MarketSettings.SECTION);
    LocalDate day = ctx.runDate();
    Dataset<Row> market = ValidatedStore.daily(ctx, Source.MARKET, historyStart(day, s), day);
    Dataset<Row> signals = MarketSignals.computeSignals(market, s).persist();
    try {
      Dataset<Row> today = MarketSignals.onDay(signals, day);
      long categories = TableWriter.writeWork(ctx, ctx.layout().work(CATEGORY_SIGNALS), today);
      Dataset<Row> boosts = itemBoosts(ValidatedStore.products(ctx), readCategorySignals(ctx), s);
      long boosted = TableWriter.writeWork(ctx, ctx.layout().work(ITEM_BOOSTS), boosts);
      ctx.report().put("market.categories", categories);
      ctx.report().put("market.items_with_signal", boosted);
      MarketMovers.Movers movers = MarketMovers.topMovers(signals, day, s, MOVERS);
      ctx.report().put("market.rising", asMaps(movers.rising()));
      ctx.report().put("market.falling", asMaps(movers.falling()));
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

  /** The run day's item boosts; items absent have no market signal (boost 1). */
  public static Dataset<Row> readItemBoosts(RunContext ctx) {
    return ctx.spark().read().schema(ITEM_BOOSTS_SCHEMA).parquet(ctx.layout().work(ITEM_BOOSTS));
  }

  private static Dataset<Row> readCategorySignals(RunContext ctx) {
    return ctx.spark()
        .read()
        .schema(MarketSignals.SCHEMA)
        .parquet(ctx.layout().work(CATEGORY_SIGNALS));
  }

  private static List<Map<String, Object>> asMaps(List<MarketMovers.CategoryTrend> trends) {
    return trends.stream()
        .map(
            t -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("category", t.category());
              m.put("trend", t.trend());
              m.put("boost", t.boost());
              return m;
            })
        .toList();
  }
}
