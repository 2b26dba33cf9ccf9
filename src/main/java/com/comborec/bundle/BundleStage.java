package com.comborec.bundle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.store.TableWriter;
import com.comborec.store.ValidatedStore;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkSchemas;
import com.comborec.store.WorkStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * The bundle stage: builds one problem per segment with Spark (candidates, budget, affinity),
 * solves the segments in parallel inside Spark tasks with the CP-SAT solver, and stages the
 * contract's {@code bundles} table. Solve statistics go into the run report.
 */
public final class BundleStage implements Stage<BundleResult> {
  @Override
  public String name() {
    return "bundle";
  }

  @Override
  public String description() {
    return "Optimise R bundles per segment with OR-Tools CP-SAT (reads events, products, segments,"
        + " pair_stats; writes bundles)";
  }

  @Override
  public List<SettingsSection<?>> settings() {
    return List.of(BundleSettings.SECTION);
  }

  @Override
  public BundleResult run(RunContext ctx) {
    BundleSettings s = ctx.config().get(BundleSettings.SECTION);
    Dataset<Row> problems = ctx.step("build bundle problems", () -> buildProblems(ctx, s).cache());
    long segments = ctx.step("count bundle problems", problems::count);
    // Writing the outcomes makes every segment solve exactly once, whatever reads them later.
    ctx.step(
        "solve bundles",
        () ->
            WorkStore.write(
                ctx,
                WorkDataset.BUNDLE_SOLVES,
                solveInTasks(problems, s, partitions(ctx, segments))));
    problems.unpersist();
    Dataset<Row> outcomes = WorkStore.read(ctx, WorkDataset.BUNDLE_SOLVES);
    SolveReport.Summary solved = SolveReport.summarise(outcomes);
    long rows = TableWriter.stage(ctx, "bundles", bundleRows(outcomes));
    return new BundleResult(
        new BundleResult.Bundle(
            s.formulation(),
            solved.segments(),
            solved.withBundles(),
            solved.solves(),
            rows,
            BundleInputs.absence(ctx, WorkDataset.PAIR_STATS),
            BundleInputs.absence(ctx, WorkDataset.ITEM_BOOSTS)));
  }

  private static Dataset<Row> buildProblems(RunContext ctx, BundleSettings s) {
    Dataset<Row> events = ValidatedStore.events(ctx, ctx.config().lookbackDays());
    Dataset<Row> products = ValidatedStore.products(ctx);
    Dataset<Row> segments = BundleInputs.segments(ctx);
    Dataset<Row> candidates =
        BundleCandidates.selectCandidates(
            BundleCandidates.segmentPropensity(events, segments),
            BundleCandidates.sellableItems(products, s),
            s);
    Dataset<Row> budgets =
        BasketBudgets.segmentBudgets(
            BasketBudgets.basketValues(events, products, segments), s.budgetPercentile());
    Dataset<Row> affinity =
        BundleProblems.candidateAffinity(
            candidates, BundleInputs.pairStats(ctx), s.affinityMeasure());
    Dataset<Row> weighted =
        BundleProblems.withDemandWeights(candidates, BundleInputs.itemBoosts(ctx));
    return BundleProblems.assembleProblems(weighted, budgets, affinity);
  }

  /**
   * Spreads the segments over up to {@code partitions} tasks by range of segment id, and solves
   * each task's segments with the pure solver.
   */
  public static Dataset<Row> solveInTasks(Dataset<Row> problems, BundleSettings s, int partitions) {
    return problems
        .repartitionByRange(partitions, col("segment_id"))
        .mapPartitions(
            new SolveSegments(s.rules(), s.limits()), Encoders.row(WorkSchemas.BUNDLE_SOLVES));
  }

  /** The contract's bundles rows, in Schemas.BUNDLES field order, from the per-segment outcomes. */
  public static Dataset<Row> bundleRows(Dataset<Row> outcomes) {
    List<Column> columns = new ArrayList<>();
    columns.add(col("segment_id"));
    for (StructField f : WorkSchemas.RANKED_BUNDLE.fields()) {
      columns.add(col("bundle." + f.name()).as(f.name()));
    }
    return outcomes
        .select(col("segment_id"), explode(col("bundles")).as("bundle"))
        .select(columns.toArray(Column[]::new));
  }

  /** One task per segment up to the cluster's parallelism: solves dominate, not data volume. */
  private static int partitions(RunContext ctx, long segments) {
    int parallelism = ctx.spark().sparkContext().defaultParallelism();
    return (int) Math.max(1, Math.min(segments, parallelism));
  }
}
