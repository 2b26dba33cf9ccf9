package com.comborec.bundle;

import com.comborec.core.RunContext;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkSchemas;
import com.comborec.store.WorkStore;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The work datasets the bundle stage reads from earlier stages: {@code segments} (required), {@code
 * pair_stats} (optional: without it every affinity is 0) and {@code item_boosts} (optional: without
 * it every demand weight is 1).
 */
public final class BundleInputs {

  private BundleInputs() {}

  public static Dataset<Row> segments(RunContext ctx) {
    return WorkStore.read(ctx, WorkDataset.SEGMENTS);
  }

  /** The pair statistics of the combos stage, or none when absent. */
  public static Dataset<Row> pairStats(RunContext ctx) {
    return WorkStore.readIfPresent(ctx, WorkDataset.PAIR_STATS)
        .orElseGet(() -> ctx.spark().createDataFrame(List.of(), WorkSchemas.PAIR_STATS));
  }

  /** The market stage's item boosts of the run day, or null when absent. */
  public static Dataset<Row> itemBoosts(RunContext ctx) {
    return WorkStore.readIfPresent(ctx, WorkDataset.ITEM_BOOSTS).orElse(null);
  }

  /** "absent" when an optional input is missing, for the manifest; null when present. */
  static String absence(RunContext ctx, WorkDataset optional) {
    return WorkStore.exists(ctx, optional) ? null : "absent";
  }
}
