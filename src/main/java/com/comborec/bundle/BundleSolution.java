package com.comborec.bundle;

import java.io.Serializable;
import java.util.List;

/**
 * One solved bundle. Money and objective are recomputed in double from the chosen items and
 * discount level (not read back from the scaled integer objective).
 *
 * @param itemIds chosen items, in the problem's item order
 * @param status {@code OPTIMAL} or {@code FEASIBLE} (the time limit stopped the search)
 */
public record BundleSolution(
    List<String> itemIds,
    double listPrice,
    double bundlePrice,
    double discountRate,
    double expectedMargin,
    double affinity,
    double objective,
    SolveStatus status,
    double solveSeconds)
    implements Serializable {

  public BundleSolution {
    itemIds = List.copyOf(itemIds);
  }

  /** Stable id of the item set: see {@link BundleIds}. */
  public String bundleId() {
    return BundleIds.of(itemIds);
  }
}
