package com.comborec.generate;

import java.io.Serializable;

/**
 * The synthetic catalog: items with a leaf category, brand, title, price, cost and a power-law
 * popularity (weight 1/(rank+1), ranks a random permutation). Day-dependent facts (price, stock,
 * listed or not) are pure functions of (seed, item, day), so no state crosses days or tasks.
 */
final class Catalog implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Popularity is Zipf with this exponent over a random ranking of the items. */
  static final double ZIPF_EXPONENT = 1.0;

  final Categories categories = new Categories();
  final int size;
  final String[] ids;
  final String[] titles;
  final int[] leaf;
  final int[] brand;
  final long[] basePriceCents;

  /** Cost as a share of the base price; NaN = cost not delivered. */
  final double[] costRate;

  final int[] popularityRank;
  final double[] popularity;

  /** Day index of the first snapshot listing the item; <= 0 means listed from the first day. */
  final int[] launchDay;

  final boolean[] inactive;
  final LeafSampler sampler;
  private final long seed;

  Catalog(long seed, int size, int days) {
    this.seed = seed;
    this.size = size;
    ids = new String[size];
    titles = new String[size];
    leaf = new int[size];
    brand = new int[size];
    basePriceCents = new long[size];
    costRate = new double[size];
    launchDay = new int[size];
    inactive = new boolean[size];
    popularityRank = permutation(Rng.of(seed, Streams.POPULARITY), size);
    popularity = new double[size];
    double[] leafPrice = leafPrices(seed, categories.leafCount());
    for (int i = 0; i < size; i++) {
      describe(i, Rng.of(seed, Streams.ITEM, i), leafPrice, days);
    }
    sampler = new LeafSampler(leaf, categories.leafCount(), samplingWeights());
  }

  private void describe(int i, Rng rng, double[] leafPrice, int days) {
    int leaves = categories.leafCount();
    ids[i] = Csv.id("P", i, 6);
    // The first items cover every leaf once, so no leaf is empty even in a tiny catalog.
    leaf[i] = i < leaves ? i : rng.nextInt(leaves);
    brand[i] = Titles.brandFor(categories.topOf(leaf[i]), rng);
    titles[i] = Titles.title(i, Titles.brand(brand[i]), categories.noun(leaf[i]), rng);
    basePriceCents[i] =
        Math.max(199, Math.round(100 * leafPrice[leaf[i]] * Math.exp(0.35 * rng.gaussian())));
    costRate[i] = rng.chance(0.08) ? Double.NaN : 0.35 + 0.4 * rng.nextDouble();
    popularity[i] = 1.0 / Math.pow(popularityRank[i] + 1, ZIPF_EXPONENT);
    boolean lateLaunch = i >= leaves && days > 1 && rng.chance(0.05);
    launchDay[i] = lateLaunch ? 1 + rng.nextInt(days - 1) : 0;
    inactive[i] = i >= leaves && rng.chance(0.04);
  }

  private static double[] leafPrices(long seed, int leaves) {
    Rng rng = Rng.of(seed, Streams.LEAF_PRICE);
    double[] out = new double[leaves];
    for (int l = 0; l < leaves; l++) {
      out[l] = Math.exp(Math.log(30) + 0.8 * rng.gaussian());
    }
    return out;
  }

  /** Inactive items are still viewed now and then, a tenth as often as their popularity says. */
  private double[] samplingWeights() {
    double[] w = new double[size];
    for (int i = 0; i < size; i++) {
      w[i] = inactive[i] ? popularity[i] * 0.1 : popularity[i];
    }
    return w;
  }

  static int[] permutation(Rng rng, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  int top(int item) {
    return categories.topOf(leaf[item]);
  }

  boolean listed(int item, int day) {
    return launchDay[item] <= day;
  }

  /** The day's list price: one week in ten an item is on promotion at 15% off. */
  long priceCents(int item, int day) {
    boolean promo = Rng.unit(seed, Streams.PRICE, item, Math.floorDiv(day + item % 7, 7)) < 0.10;
    return promo ? Math.max(99, Math.round(basePriceCents[item] * 0.85)) : basePriceCents[item];
  }

  /** Cost in cents, or -1 when the export leaves it empty. */
  long costCents(int item) {
    return Double.isNaN(costRate[item]) ? -1 : Math.round(basePriceCents[item] * costRate[item]);
  }

  /** Stock on a day: -1 = unknown (5% of items), 0 for about 6% of item-weeks, else 1..400. */
  int stock(int item, int day) {
    if (Rng.unit(seed, Streams.STOCK, item) < 0.05) {
      return -1;
    }
    if (Rng.unit(seed, Streams.STOCK, item, Math.floorDiv(day + item % 5, 7)) < 0.06) {
      return 0;
    }
    return 1 + (int) (Rng.unit(seed, Streams.STOCK, item, day, 1) * 400);
  }

  /** Can a shopper buy it today: listed, active and not out of stock. */
  boolean buyable(int item, int day) {
    return listed(item, day) && !inactive[item] && stock(item, day) != 0;
  }
}
