package com.comborec.bundle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import com.comborec.core.RunContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the bundle solves into the run report: status counts of every CP-SAT call, total and
 * per-segment solve seconds. One row per segment reaches the driver, never per user or event.
 */
final class SolveReport {
  private static final Logger LOG = LoggerFactory.getLogger(SolveReport.class);

  private SolveReport() {}

  static void put(RunContext ctx, Dataset<Row> outcomes, BundleSettings s) {
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
    long[] statuses = new long[4];
    double total = 0;
    int withBundles = 0;
    Map<String, Object> perSegment = new LinkedHashMap<>();
    for (Row r : rows) {
      for (int i = 0; i < statuses.length; i++) {
        statuses[i] += r.getInt(1 + i);
      }
      total += r.getDouble(5);
      withBundles += r.getInt(6) > 0 ? 1 : 0;
      perSegment.put(String.valueOf(r.getInt(0)), round(r.getDouble(5)));
    }
    ctx.report().put("bundle.formulation", s.formulation());
    ctx.report().put("bundle.segments", rows.size());
    ctx.report().put("bundle.segments_with_bundles", withBundles);
    ctx.report().put("bundle.solves.optimal", statuses[0]);
    ctx.report().put("bundle.solves.feasible", statuses[1]);
    ctx.report().put("bundle.solves.infeasible", statuses[2]);
    ctx.report().put("bundle.solves.unknown", statuses[3]);
    ctx.report().put("bundle.solves.seconds_total", round(total));
    ctx.report().put("bundle.solves.segment_seconds", perSegment);
    LOG.info(
        "bundles: {} segments, {} with bundles; calls optimal {} feasible {} infeasible {}"
            + " unknown {}; {} s solving",
        rows.size(),
        withBundles,
        statuses[0],
        statuses[1],
        statuses[2],
        statuses[3],
        round(total));
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
