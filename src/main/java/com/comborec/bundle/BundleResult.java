package com.comborec.bundle;

import com.comborec.core.StageResult;
import java.util.Map;

/** The bundle stage's manifest section: what was solved, how the solves ended, what was staged. */
public record BundleResult(BundleResult.Bundle bundle) implements StageResult {

  /**
   * @param pairStats "absent" when the combos stage left no pair statistics (every affinity 0)
   * @param demandWeights "absent" when the market stage left no item boosts (every weight 1)
   * @param rows rows of the staged bundles table
   */
  public record Bundle(
      String formulation,
      int segments,
      int segmentsWithBundles,
      Solves solves,
      long rows,
      String pairStats,
      String demandWeights) {}

  /** Every CP-SAT call's status, the total and per-segment solve seconds. */
  public record Solves(
      int optimal,
      int feasible,
      int infeasible,
      int unknown,
      double secondsTotal,
      Map<String, Double> segmentSeconds) {}
}
