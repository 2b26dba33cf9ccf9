package com.comborec.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random small bundle problems and rules for the brute-force comparison. Money sits on a
 * cent grid and discounts on 5% steps, so constraints never hinge on floating-point noise; budgets
 * range down to below the cheapest item, so some instances are infeasible.
 */
final class RandomInstances {
  private static final String[] CATEGORIES = {"kitchen", "garden", "toys"};

  private RandomInstances() {}

  static BundleProblem problem(Random rnd, int segmentId) {
    int n = 3 + rnd.nextInt(7); // 3..9
    List<BundleItem> items = new ArrayList<>();
    double total = 0;
    for (int j = 0; j < n; j++) {
      double price = cents(1 + rnd.nextDouble() * 99);
      double cost = cents(price * (0.3 + rnd.nextDouble() * 0.65));
      Integer stock = rnd.nextDouble() < 0.4 ? null : rnd.nextInt(4);
      double demand = rnd.nextDouble() < 0.7 ? 1.0 : 0.5 + rnd.nextDouble() * 1.5;
      items.add(
          new BundleItem(
              "i" + j,
              "Item " + j,
              CATEGORIES[rnd.nextInt(3)],
              price,
              cost,
              stock,
              rnd.nextDouble(),
              demand));
      total += price;
    }
    return new BundleProblem(
        segmentId, items, affinity(rnd, n), cents(total * (0.02 + rnd.nextDouble())));
  }

  /** Sparse, asymmetric lift-like values: the solver must use the mean of both directions. */
  private static double[][] affinity(Random rnd, int n) {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = i != j && rnd.nextDouble() < 0.5 ? rnd.nextDouble() * 3 : 0;
      }
    }
    return a;
  }

  static BundleRules fullRules(Random rnd) {
    int minSize = 1 + rnd.nextInt(3);
    int maxSize = minSize + rnd.nextInt(3);
    Double[] floors = {null, 0.0, 0.05, 0.10, 0.20, 0.35};
    return new BundleRules(
        minSize,
        maxSize,
        1 + rnd.nextInt(3),
        floors[rnd.nextInt(floors.length)],
        1 + rnd.nextInt(2),
        List.of(0.0, 0.05, 0.10, 0.15),
        1.0,
        0.1 + rnd.nextDouble() * 0.4,
        0.005 + rnd.nextDouble() * 0.045,
        rnd.nextDouble() * 3,
        3);
  }

  private static double cents(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
