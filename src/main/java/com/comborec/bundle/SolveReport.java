package com.comborec.bundle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums up the bundle solves for the manifest: status counts of every CP-SAT call, total and
 * per-segment solve seconds. One row per segment reaches the driver, never per user or event.
 */
final class SolveReport {
  private static final Logger LOG = LoggerFactory.getLogger(SolveReport.class);

  private SolveReport() {}

  /** The solves' figures; {@code segments} and {@code withBundles} come back in the array. */
  static Summary summarise(Dataset<Row> outcomes) {
    List<Row> rows =
        outcomes
            .select(
                col("segment_id"),
                col("optimal"),
                col("feasible"),
                col("infeasible"),
                col("unknown"),
                col("solve_seconds"),
                size(col("bundles")).as("bundles"))
            .orderBy("segment_id")
            .collectAsList();
    SolveCounts calls = SolveCounts.NONE;
    double total = 0;
    int withBundles = 0;
    Map<String, Double> perSegment = new LinkedHashMap<>();
    for (Row r : rows) {
      calls = calls.plus(new SolveCounts(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4)));
      total += r.getDouble(5);
      withBundles += r.getInt(6) > 0 ? 1 : 0;
      perSegment.put(String.valueOf(r.getInt(0)), round(r.getDouble(5)));
    }
    LOG.info(
        "bundles: {} segments, {} with bundles; calls optimal {} feasible {} infeasible {}"
            + " unknown {}; {} s solving",
        rows.size(),
        withBundles,
        calls.optimal(),
        calls.feasible(),
        calls.infeasible(),
        calls.unknown(),
        round(total));
    return new Summary(
        rows.size(),
        withBundles,
        new BundleResult.Solves(
            calls.optimal(),
            calls.feasible(),
            calls.infeasible(),
            calls.unknown(),
            round(total),
            perSegment));
  }

  /** Segments solved, those that got at least one bundle, and the calls' figures. */
  record Summary(int segments, int withBundles, BundleResult.Solves solves) {}

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
