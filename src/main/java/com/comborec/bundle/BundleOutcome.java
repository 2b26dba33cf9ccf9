package com.comborec.bundle;

import java.io.Serializable;
import java.util.List;

/**
 * What solving one segment gave: its bundles (best first, distinct item sets) and the status of
 * every CP-SAT call, for the run report: up to R calls, one per bundle; a call that finds no
 * further distinct set (INFEASIBLE, or UNKNOWN at the time limit) ends the segment's search.
 *
 * @param calls how the segment's CP-SAT calls ended
 */
public record BundleOutcome(
    int segmentId, List<BundleSolution> bundles, SolveCounts calls, double solveSeconds)
    implements Serializable {

  public BundleOutcome {
    bundles = List.copyOf(bundles);
  }
}
