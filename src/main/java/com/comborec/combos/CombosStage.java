package com.comborec.combos;

import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.store.TableWriter;
import com.comborec.store.ValidatedStore;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The combos stage: frequently bought together from the look-back window's purchase baskets, and
 * content-based similar items from the catalog snapshot. Leaves {@code pair_stats} and {@code
 * similar} in the work store and stages both contract tables.
 */
public final class CombosStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(CombosStage.class);

  @Override
  public String name() {
    return "combos";
  }

  @Override
  public String description() {
    return "validated events and products -> pair_stats, similar; frequently_bought_together,"
        + " similar_items";
  }

  @Override
  public List<SettingsSection<?>> settings() {
    return List.of(CombosSettings.SECTION);
  }

  @Override
  public void run(RunContext ctx) {
    CombosSettings s = ctx.config().get(CombosSettings.SECTION);
    Dataset<Row> events = ValidatedStore.events(ctx, ctx.config().lookbackDays());
    Dataset<Row> products = ValidatedStore.products(ctx);
    frequentlyBoughtTogether(ctx, events, products, s.fbt());
    similarItems(ctx, products, s.similar());
  }

  private void frequentlyBoughtTogether(
      RunContext ctx, Dataset<Row> events, Dataset<Row> products, FbtSettings s) {
    Dataset<Row> baskets = ctx.step("build baskets", () -> cacheBaskets(ctx, events, s));
    String path = ctx.layout().work("pair_stats");
    long pairs =
        TableWriter.writeWork(
            ctx,
            path,
            FrequentlyBoughtTogether.pairStatsOfBaskets(
                FrequentlyBoughtTogether.countableBaskets(baskets, s), s));
    baskets.unpersist();
    // Read back what was written rather than mining the baskets a second time.
    Dataset<Row> stored = ctx.spark().read().schema(CombosSchemas.PAIR_STATS).parquet(path);
    long items =
        TableWriter.stage(
            ctx,
            "frequently_bought_together",
            Companions.frequentlyBoughtTogether(stored, products, s));
    ctx.report().put("combos.fbt.pairs_kept", pairs);
    ctx.report().put("combos.fbt.items_with_companions", items);
    LOG.info("frequently bought together: {} pairs kept, {} items with companions", pairs, items);
  }

  private Dataset<Row> cacheBaskets(RunContext ctx, Dataset<Row> events, FbtSettings s) {
    Dataset<Row> baskets = FrequentlyBoughtTogether.baskets(events).cache();
    long all = baskets.count();
    long capped = FrequentlyBoughtTogether.cappedBaskets(baskets, s).count();
    long unattributed = FrequentlyBoughtTogether.unattributedPurchases(events).count();
    ctx.report().put("combos.fbt.baskets", all);
    ctx.report().put("combos.fbt.capped_baskets", capped);
    ctx.report().put("combos.fbt.counted_baskets", all - capped);
    ctx.report().put("combos.fbt.unattributed_purchases", unattributed);
    LOG.info(
        "baskets: {} ({} above {} items left out); {} guest purchases without an order",
        all,
        capped,
        s.maxBasketItems(),
        unattributed);
    return baskets;
  }

  private void similarItems(RunContext ctx, Dataset<Row> products, SimilarSettings s) {
    long start = System.nanoTime();
    Dataset<Row> vectors =
        ctx.step("build item features", () -> ItemFeatures.vectors(products, s).cache());
    SimilarItems.Result result =
        ctx.step("find similar items", () -> SimilarItems.similarItems(vectors, s));
    Dataset<Row> table = result.table().cache();
    long items = ctx.step("score similar items", () -> table.count());
    double seconds = (System.nanoTime() - start) / 1e9;
    vectors.unpersist();
    TableWriter.writeWork(ctx, ctx.layout().work("similar"), SimilarItems.pairs(table));
    TableWriter.stage(ctx, "similar_items", table);
    table.unpersist();
    report(ctx, s, result, items, seconds);
  }

  private static void report(
      RunContext ctx, SimilarSettings s, SimilarItems.Result r, long items, double seconds) {
    ctx.report().put("combos.similar.method", r.method());
    ctx.report().put("combos.similar.measure", s.measure());
    ctx.report().put("combos.similar.items", items);
    ctx.report().put("combos.similar.seconds", Math.round(seconds * 10) / 10.0);
    if (r.recallAtM() != null) {
      ctx.report().put("combos.similar.recall_at_m", r.recallAtM());
      ctx.report().put("combos.similar.recall_sample", s.recallSample());
    }
    LOG.info(
        "similar items: {} items by {} ({}) in {} s{}",
        items,
        r.method(),
        s.measure(),
        String.format("%.1f", seconds),
        r.recallAtM() == null ? "" : ", recall@M " + r.recallAtM());
  }
}
