package com.comborec.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test oracle: enumerates every non-empty item subset times every discount level and evaluates the
 * model's constraints and objective in plain doubles. Written from docs/bundles.md, independently
 * of the solver's code, so a slip in either shows as a disagreement.
 */
final class BruteForce {
  /**
   * Constraint tolerance: test data sit on a cent grid, so only floating-point noise is absorbed.
   */
  static final double EPS = 1e-7;

  private BruteForce() {}

  /** One feasible (item set, discount) pair and its objective. */
  record Choice(int mask, double rate, double objective) {}

  /** Every feasible choice. */
  static List<Choice> feasibleChoices(BundleProblem p, BundleRules r) {
    List<Choice> out = new ArrayList<>();
    for (int mask = 1; mask < (1 << p.size()); mask++) {
      for (double rate : r.discountLevels()) {
        if (violations(p, r, mask, rate).isEmpty()) {
          out.add(new Choice(mask, rate, objective(p, r, mask, rate)));
        }
      }
    }
    return out;
  }

  /** The best objective of every feasible item set, best first: the k-th is the k-th bundle's. */
  static List<Double> bestPerItemSet(BundleProblem p, BundleRules r) {
    Map<Integer, Double> best = new HashMap<>();
    for (Choice c : feasibleChoices(p, r)) {
      best.merge(c.mask(), c.objective(), Math::max);
    }
    List<Double> values = new ArrayList<>(best.values());
    values.sort(Comparator.reverseOrder());
    return values;
  }

  /** The constraints the item set {@code mask} at discount {@code rate} breaks, by name. */
  static List<String> violations(BundleProblem p, BundleRules r, int mask, double rate) {
    List<String> broken = new ArrayList<>();
    int size = Integer.bitCount(mask);
    if (size < r.minSize() || size > r.maxSize()) {
      broken.add("size " + size);
    }
    double list = sum(p, mask, BundleItem::price);
    if (list > p.budget() + EPS) {
      broken.add("list price " + list + " > budget " + p.budget());
    }
    Map<String, Integer> perCategory = new HashMap<>();
    for (int j = 0; j < p.size(); j++) {
      if ((mask & (1 << j)) != 0) {
        BundleItem item = p.items().get(j);
        String category = item.category() == null ? "uncategorized" : item.category();
        perCategory.merge(category, 1, Integer::sum);
        if (item.stock() != null && item.stock() < r.minStock()) {
          broken.add("stock of " + item.itemId());
        }
      }
    }
    perCategory.forEach(
        (c, k) -> {
          if (k > r.maxPerCategory()) {
            broken.add("category " + c + " has " + k);
          }
        });
    if (!r.discountLevels().contains(rate)) {
      broken.add("discount " + rate + " not a level");
    }
    double price = list * (1 - rate);
    double margin = price - sum(p, mask, BundleItem::cost);
    if (r.marginFloorRate() != null && margin < r.marginFloorRate() * price - EPS) {
      broken.add("margin " + margin + " < " + r.marginFloorRate() + " * " + price);
    }
    return broken;
  }

  static double objective(BundleProblem p, BundleRules r, int mask, double rate) {
    double takeUp = 0;
    for (int j = 0; j < p.size(); j++) {
      if ((mask & (1 << j)) != 0) {
        BundleItem item = p.items().get(j);
        takeUp += item.propensity() * item.demandWeight() * (1 + r.discountUplift() * rate);
      }
    }
    double margin = sum(p, mask, BundleItem::price) * (1 - rate) - sum(p, mask, BundleItem::cost);
    return r.propensityWeight() * takeUp
        + r.affinityWeight() * affinity(p, mask)
        + r.marginWeight() * margin;
  }

  static double affinity(BundleProblem p, int mask) {
    double total = 0;
    for (int i = 0; i < p.size(); i++) {
      for (int j = 0; j < p.size(); j++) {
        if (i != j && (mask & (1 << i)) != 0 && (mask & (1 << j)) != 0) {
          total += p.affinity()[i][j] / 2; // each unordered pair: mean of both directions
        }
      }
    }
    return total;
  }

  /** The product brief's formulation, literally: max sum p_j x_j s.t. sum c_j x_j <= B, x != 0. */
  static double knapsackOptimum(BundleProblem p) {
    double best = Double.NEGATIVE_INFINITY;
    for (int mask = 1; mask < (1 << p.size()); mask++) {
      if (sum(p, mask, BundleItem::price) <= p.budget() + EPS) {
        best = Math.max(best, sum(p, mask, i -> i.propensity() * i.demandWeight()));
      }
    }
    return best;
  }

  static int maskOf(BundleProblem p, List<String> itemIds) {
    int mask = 0;
    for (int j = 0; j < p.size(); j++) {
      if (itemIds.contains(p.items().get(j).itemId())) {
        mask |= 1 << j;
      }
    }
    return mask;
  }

  private static double sum(
      BundleProblem p, int mask, java.util.function.ToDoubleFunction<BundleItem> f) {
    double total = 0;
    for (int j = 0; j < p.size(); j++) {
      if ((mask & (1 << j)) != 0) {
        total += f.applyAsDouble(p.items().get(j));
      }
    }
    return total;
  }
}
