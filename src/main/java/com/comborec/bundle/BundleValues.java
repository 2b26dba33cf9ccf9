package com.comborec.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * The model's quantities in plain double arithmetic, for a chosen item set and discount level. The
 * solver reports these (not the scaled integer objective divided back), so a bundle's published
 * figures are exact up to floating point.
 */
final class BundleValues {
  private BundleValues() {}

  /**
   * The per-item objective value at discount {@code rate}, before subtracting its cost: w_p *
   * propensity * demandWeight * (1 + uplift * rate) + w_m * price * (1 - rate).
   */
  static double itemValue(BundleItem item, double rate, BundleRules rules) {
    double takeUp = item.propensity() * item.demandWeight() * (1 + rules.discountUplift() * rate);
    return rules.propensityWeight() * takeUp + rules.marginWeight() * item.price() * (1 - rate);
  }

  static BundleSolution solution(
      BundleProblem problem,
      BundleRules rules,
      boolean[] chosen,
      int level,
      SolveStatus status,
      double seconds) {
    double rate = rules.discountLevels().get(level);
    List<String> ids = new ArrayList<>();
    double listPrice = 0;
    double cost = 0;
    double objective = 0;
    for (int j = 0; j < chosen.length; j++) {
      if (chosen[j]) {
        BundleItem item = problem.items().get(j);
        ids.add(item.itemId());
        listPrice += item.price();
        cost += item.cost();
        objective += itemValue(item, rate, rules) - rules.marginWeight() * item.cost();
      }
    }
    double affinity = affinity(problem, chosen);
    objective += rules.affinityWeight() * affinity;
    double bundlePrice = listPrice * (1 - rate);
    return new BundleSolution(
        ids,
        listPrice,
        bundlePrice,
        rate,
        bundlePrice - cost,
        affinity,
        objective,
        status,
        seconds);
  }

  /** Sum of the symmetric pair affinity over the chosen unordered pairs. */
  static double affinity(BundleProblem problem, boolean[] chosen) {
    double total = 0;
    for (int i = 0; i < chosen.length; i++) {
      for (int j = i + 1; j < chosen.length && chosen[i]; j++) {
        total += chosen[j] ? problem.pairAffinity(i, j) : 0;
      }
    }
    return total;
  }
}
