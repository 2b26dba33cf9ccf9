package com.comborec.combos;

import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.store.TableWriter;
import com.comborec.store.ValidatedStore;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkStore;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The combos stage: frequently bought together from the look-back window's purchase baskets, in the
 * ordering measured best on its latest days ({@link FbtSteps}), and content-based similar items
 * from the catalog snapshot. Leaves {@code pair_stats} and {@code similar} in the work store and
 * stages both contract tables.
 */
public final class CombosStage implements Stage<CombosResult> {
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
  public CombosResult run(RunContext ctx) {
    CombosSettings s = ctx.config().get(CombosSettings.SECTION);
    Dataset<Row> events = ValidatedStore.events(ctx, ctx.config().lookbackDays());
    Dataset<Row> products = ValidatedStore.products(ctx);
    CombosResult.Fbt fbt = FbtSteps.run(ctx, events, products, s.fbt());
    return new CombosResult(new CombosResult.Combos(fbt, similarItems(ctx, products, s.similar())));
  }

  private CombosResult.Similar similarItems(
      RunContext ctx, Dataset<Row> products, SimilarSettings s) {
    long start = System.nanoTime();
    Dataset<Row> vectors =
        ctx.step("build item features", () -> ItemFeatures.vectors(products, s).cache());
    SimilarItems.Result result =
        ctx.step("find similar items", () -> SimilarItems.similarItems(vectors, s));
    Dataset<Row> table = result.table().cache();
    long items = ctx.step("score similar items", () -> table.count());
    double seconds = (System.nanoTime() - start) / 1e9;
    vectors.unpersist();
    WorkStore.write(ctx, WorkDataset.SIMILAR, SimilarItems.pairs(table));
    TableWriter.stage(ctx, "similar_items", table);
    table.unpersist();
    log(s, result, items, seconds);
    return new CombosResult.Similar(
        result.method(),
        s.measure(),
        items,
        Math.round(seconds * 10) / 10.0,
        result.recallAtM(),
        result.recallAtM() == null ? null : s.recallSample());
  }

  private static void log(SimilarSettings s, SimilarItems.Result r, long items, double seconds) {
    LOG.info(
        "similar items: {} items by {} ({}) in {} s{}",
        items,
        r.method(),
        s.measure(),
        String.format("%.1f", seconds),
        r.recallAtM() == null ? "" : ", recall@M " + r.recallAtM());
  }
}
