package com.comborec.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * How a user reacts to what was shown: an impression per item, a dismiss (half the time) for an
 * item of a disliked top category, and clicks, carts and purchases that grow with the planted taste
 * for the item's leaf. Used both for feedback on real published recommendations and for plausible
 * feedback without them.
 */
final class Reactions {
  static final double DISMISS_DISLIKED = 0.5;
  static final double CLICK_BASE = 0.02;
  static final double CLICK_PER_AFFINITY = 0.6;
  static final double CART_AFTER_CLICK = 0.35;
  static final double BUY_AFTER_CART = 0.5;

  private Reactions() {}

  /**
   * Appends feedback rows for the items shown on a surface: ids as shown, with their catalog index
   * (-1 = not in the catalog: seen, never liked nor disliked). Returns the clock after the last
   * row.
   */
  static int items(
      World w,
      Rng rng,
      LocalDate date,
      int second,
      String userId,
      People.Taste taste,
      String surface,
      String[] ids,
      int[] items,
      List<String[]> out) {
    int clock = second;
    for (int k = 0; k < items.length; k++) {
      int item = items[k];
      String itemId = ids[k];
      clock = Math.min(86_399, clock + 1 + rng.nextInt(20));
      out.add(row(date, clock, rng, userId, surface, itemId, "", "impression"));
      if (item < 0) {
        continue;
      }
      int leaf = w.catalog.leaf[item];
      if (taste.dislikes(w.catalog.categories.topOf(leaf))) {
        if (rng.chance(DISMISS_DISLIKED)) {
          out.add(
              row(date, Math.min(86_399, clock + 2), rng, userId, surface, itemId, "", "dismiss"));
        }
        continue;
      }
      double affinity = taste.affinity(leaf, w.catalog.categories);
      if (rng.chance(CLICK_BASE + CLICK_PER_AFFINITY * affinity)) {
        funnel(date, clock, rng, userId, surface, itemId, "", out);
      }
    }
    return clock;
  }

  /**
   * One bundle impression; dismissed if it holds a disliked category, else liked by mean affinity.
   */
  static void bundle(
      World w,
      Rng rng,
      LocalDate date,
      int second,
      String userId,
      People.Taste taste,
      String bundleId,
      int[] items,
      List<String[]> out) {
    out.add(row(date, second, rng, userId, "bundles", "", bundleId, "impression"));
    double affinity = 0;
    boolean disliked = false;
    for (int item : items) {
      int leaf = w.catalog.leaf[item];
      disliked |= taste.dislikes(w.catalog.categories.topOf(leaf));
      affinity += taste.affinity(leaf, w.catalog.categories) / items.length;
    }
    if (disliked) {
      if (rng.chance(DISMISS_DISLIKED)) {
        out.add(
            row(
                date,
                Math.min(86_399, second + 3),
                rng,
                userId,
                "bundles",
                "",
                bundleId,
                "dismiss"));
      }
    } else if (rng.chance(CLICK_BASE + CLICK_PER_AFFINITY * affinity)) {
      funnel(date, second, rng, userId, "bundles", "", bundleId, out);
    }
  }

  private static void funnel(
      LocalDate date,
      int second,
      Rng rng,
      String userId,
      String surface,
      String itemId,
      String bundleId,
      List<String[]> out) {
    int t = Math.min(86_399, second + 3 + rng.nextInt(30));
    out.add(row(date, t, rng, userId, surface, itemId, bundleId, "click"));
    if (rng.chance(CART_AFTER_CLICK)) {
      t = Math.min(86_399, t + 5 + rng.nextInt(60));
      out.add(row(date, t, rng, userId, surface, itemId, bundleId, "add_to_cart"));
      if (rng.chance(BUY_AFTER_CART)) {
        t = Math.min(86_399, t + 10 + rng.nextInt(300));
        out.add(row(date, t, rng, userId, surface, itemId, bundleId, "purchase"));
      }
    }
  }

  static String[] row(
      LocalDate date,
      int second,
      Rng rng,
      String userId,
      String surface,
      String itemId,
      String bundleId,
      String action) {
    return new String[] {
      Stamps.any(date, second, rng.nextDouble()), userId, surface, itemId, bundleId, action
    };
  }
}
