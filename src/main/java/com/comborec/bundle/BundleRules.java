package com.comborec.bundle;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;

/**
 * The bundle model's configuration: constraints, objective weights and how many distinct bundles to
 * find. See docs/bundles.md for the model these numbers parameterise.
 *
 * @param minSize at least 1: a bundle of no items is not an offer
 * @param maxSize at most this many items (clipped to the candidate count)
 * @param maxPerCategory at most this many items of one category
 * @param marginFloorRate null = no margin floor; else margin >= rate * bundle price (after
 *     discount)
 * @param minStock items whose known stock is below this are excluded; 0 excludes none
 * @param discountLevels the bundle discount is exactly one of these rates, each in [0, 1)
 * @param discountUplift the propensity term is multiplied by (1 + uplift * discount), the expected
 *     gain in take-up from a discount; without it a discount could only lose margin
 * @param bundles R, the number of distinct item sets wanted per segment
 */
public record BundleRules(
    int minSize,
    int maxSize,
    int maxPerCategory,
    Double marginFloorRate,
    int minStock,
    List<Double> discountLevels,
    double propensityWeight,
    double affinityWeight,
    double marginWeight,
    double discountUplift,
    int bundles)
    implements Serializable {

  public BundleRules {
    discountLevels = List.copyOf(discountLevels);
    require(minSize >= 1, "minSize must be >= 1, got %s", minSize);
    require(maxSize >= minSize, "maxSize must be >= minSize, got %s", maxSize);
    require(maxPerCategory >= 1, "maxPerCategory must be >= 1, got %s", maxPerCategory);
    require(
        marginFloorRate == null || (marginFloorRate < 1 && marginFloorRate > -1),
        "marginFloorRate must be in (-1, 1), got %s",
        marginFloorRate);
    require(minStock >= 0, "minStock must be >= 0, got %s", minStock);
    require(!discountLevels.isEmpty(), "discountLevels must not be empty%s", "");
    require(
        new HashSet<>(discountLevels).size() == discountLevels.size(),
        "discountLevels must be distinct, got %s",
        discountLevels);
    for (double level : discountLevels) {
      require(level >= 0 && level < 1, "each discount level must be in [0, 1), got %s", level);
    }
    for (double w : new double[] {propensityWeight, affinityWeight, marginWeight, discountUplift}) {
      require(
          w >= 0 && Double.isFinite(w), "weights and uplift must be finite and >= 0, got %s", w);
    }
    require(bundles >= 1, "bundles must be >= 1, got %s", bundles);
  }

  /**
   * The product brief's formulation as a configuration of the same model: maximise the sum of
   * propensity (times demand weight) subject to list price <= budget. No affinity, margin or
   * discount, no category cap, no margin floor, no stock rule, sizes 1..n.
   */
  public static BundleRules knapsack(int bundles) {
    return new BundleRules(
        1,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE,
        null,
        0,
        List.of(0.0),
        1.0,
        0.0,
        0.0,
        0.0,
        bundles);
  }

  /** Whether an item may be chosen at all under the stock rule. */
  public boolean stockAllows(BundleItem item) {
    return item.stock() == null || item.stock() >= minStock;
  }

  private static void require(boolean ok, String format, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("bundle rules: " + String.format(format, value));
    }
  }
}
