package com.comborec.bundle;

import java.io.Serializable;
import java.util.Objects;

/**
 * One candidate item of a bundle problem, in plain Java so the solver needs no Spark.
 *
 * @param cost already estimated from the default margin rate where the catalog has none
 * @param stock null means unknown (not limited)
 * @param propensity share of the segment's members who bought the item, in [0, 1]
 * @param demandWeight multiplier on the propensity term: the market boost of the item's category
 *     (1.0 without one)
 */
public record BundleItem(
    String itemId,
    String title,
    String category,
    double price,
    double cost,
    Integer stock,
    double propensity,
    double demandWeight)
    implements Serializable {

  public BundleItem {
    Objects.requireNonNull(itemId, "itemId");
    check(price > 0 && Double.isFinite(price), itemId, "price must be positive, got %s", price);
    check(cost >= 0 && Double.isFinite(cost), itemId, "cost must be >= 0, got %s", cost);
    check(
        propensity >= 0 && Double.isFinite(propensity),
        itemId,
        "propensity must be >= 0, got %s",
        propensity);
    check(
        demandWeight >= 0 && Double.isFinite(demandWeight),
        itemId,
        "demandWeight must be >= 0, got %s",
        demandWeight);
  }

  /** An item with demand weight 1.0: no market signal for its category. */
  public static BundleItem of(
      String itemId,
      String title,
      String category,
      double price,
      double cost,
      Integer stock,
      double propensity) {
    return new BundleItem(itemId, title, category, price, cost, stock, propensity, 1.0);
  }

  /**
   * The category the per-category cap counts under; a missing one is 'uncategorized' as in ingest.
   */
  public String categoryKey() {
    return category == null || category.isEmpty() ? "uncategorized" : category;
  }

  private static void check(boolean ok, String itemId, String format, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("item " + itemId + ": " + String.format(format, value));
    }
  }
}
