package com.comborec.combos;

import com.comborec.core.RunContext;
import com.comborec.store.TableWriter;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkStore;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frequently-bought-together half of the combos stage: baskets, the measurement of every
 * ordering on the latest days, then pairs mined on all baskets of the window and published in the
 * chosen ordering.
 */
final class FbtSteps {
  private static final Logger LOG = LoggerFactory.getLogger(FbtSteps.class);

  private FbtSteps() {}

  static CombosResult.Fbt run(
      RunContext ctx, Dataset<Row> events, Dataset<Row> products, FbtSettings s) {
    Dataset<Row> baskets = FrequentlyBoughtTogether.baskets(events).cache();
    try {
      long[] counts = ctx.step("build baskets", () -> countBaskets(baskets, events, s));
      FbtMeasure.Figures figures =
          s.measured()
              ? ctx.step(
                  "measure companion orderings",
                  () -> FbtMeasure.lastDays(baskets, ctx.runDate(), products, s))
              : null;
      FbtChoice choice = FbtChoice.choose(s, figures);
      CombosResult.Order order = CombosResult.Order.of(s, choice, measurement(ctx, s, figures));
      log(order);
      Dataset<Row> counted = FrequentlyBoughtTogether.countableBaskets(baskets, s);
      long pairs =
          WorkStore.write(
              ctx, WorkDataset.PAIR_STATS, FrequentlyBoughtTogether.pairStatsOfBaskets(counted, s));
      // Read back what was written rather than mining the baskets a second time.
      Dataset<Row> stored = WorkStore.read(ctx, WorkDataset.PAIR_STATS);
      long items =
          TableWriter.stage(
              ctx,
              "frequently_bought_together",
              Companions.frequentlyBoughtTogether(
                  stored, fill(counted, products, choice, s), products, choice.order(), s));
      LOG.info("frequently bought together: {} pairs kept, {} items with companions", pairs, items);
      return new CombosResult.Fbt(
          counts[0], counts[1], counts[0] - counts[1], counts[2], pairs, items, order);
    } finally {
      baskets.unpersist();
    }
  }

  /** Baskets, those above the size cap, and guest purchases without an order. */
  private static long[] countBaskets(Dataset<Row> baskets, Dataset<Row> events, FbtSettings s) {
    long all = baskets.count();
    long capped = FrequentlyBoughtTogether.cappedBaskets(baskets, s).count();
    long unattributed = FrequentlyBoughtTogether.unattributedPurchases(events).count();
    LOG.info(
        "baskets: {} ({} above {} items left out); {} guest purchases without an order",
        all,
        capped,
        s.maxBasketItems(),
        unattributed);
    return new long[] {all, capped, unattributed};
  }

  /** The popular items that fill short lists, or none when the lists are not filled. */
  private static Dataset<Row> fill(
      Dataset<Row> counted, Dataset<Row> products, FbtChoice choice, FbtSettings s) {
    boolean filled = s.fillPopular() || choice.order() == FbtOrder.POPULARITY;
    List<String> popular =
        filled ? PopularCompanions.top(counted, products, s.topM() + 1) : List.of();
    return PopularCompanions.fill(counted, popular);
  }

  private static CombosResult.Measurement measurement(
      RunContext ctx, FbtSettings s, FbtMeasure.Figures figures) {
    return figures == null
        ? null
        : CombosResult.Measurement.of(
            s, FbtMeasure.heldOutFrom(ctx.runDate(), s).toString(), figures);
  }

  private static void log(CombosResult.Order order) {
    CombosResult.Measurement m = order.measurement();
    LOG.info(
        "companion ordering {} ({}, setting {}){}",
        order.published(),
        order.reason(),
        order.setting(),
        m == null
            ? ""
            : String.format(
                "; hit rate@%d on %d held-out baskets from %s (%d anchor pairs): %s",
                m.k(), m.heldOutBaskets(), m.heldOutFrom(), m.anchorPairs(), m.hitRateAtK()));
  }
}
