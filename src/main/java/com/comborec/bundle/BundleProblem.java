package com.comborec.bundle;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One segment's bundle problem: its candidate items, their pairwise affinity (n x n, indexed like
 * {@code items}; the solver uses the mean of both directions, so an asymmetric measure such as
 * confidence is fine) and the budget that caps a bundle's list price.
 */
public record BundleProblem(
    int segmentId, List<BundleItem> items, double[][] affinity, double budget)
    implements Serializable {

  public BundleProblem {
    items = List.copyOf(items);
    if (!Double.isFinite(budget)) {
      throw new IllegalArgumentException(
          "segment " + segmentId + ": budget must be finite, got " + budget);
    }
    checkAffinity(segmentId, items.size(), affinity);
    Set<String> ids = new HashSet<>();
    for (BundleItem item : items) {
      if (!ids.add(item.itemId())) {
        throw new IllegalArgumentException(
            "segment " + segmentId + ": item " + item.itemId() + " twice");
      }
    }
  }

  /** A problem without affinity data (every pair 0), e.g. when pair_stats is absent. */
  public static BundleProblem withoutAffinity(
      int segmentId, List<BundleItem> items, double budget) {
    return new BundleProblem(segmentId, items, new double[items.size()][items.size()], budget);
  }

  public int size() {
    return items.size();
  }

  /** The symmetric affinity the objective uses for the unordered pair {i, j}. */
  public double pairAffinity(int i, int j) {
    return (affinity[i][j] + affinity[j][i]) / 2.0;
  }

  private static void checkAffinity(int segmentId, int n, double[][] affinity) {
    boolean square = affinity != null && affinity.length == n;
    for (int i = 0; square && i < n; i++) {
      square = affinity[i] != null && affinity[i].length == n;
      for (int j = 0; square && j < n; j++) {
        if (!Double.isFinite(affinity[i][j])) {
          throw new IllegalArgumentException(
              "segment " + segmentId + ": affinity[" + i + "][" + j + "] is not finite");
        }
      }
    }
    if (!square) {
      throw new IllegalArgumentException(
          "segment " + segmentId + ": affinity must be " + n + " x " + n);
    }
  }
}
