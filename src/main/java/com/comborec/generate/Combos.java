package com.comborec.generate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Planted complementary item sets: pairs and triples from different leaves of one top category,
 * drawn uniformly (so mostly from the long tail, where co-purchase far above chance stands out).
 * Each item belongs to at most one set.
 */
final class Combos implements Serializable {
  private static final long serialVersionUID = 1L;

  final int[][] sets;

  /** The set an item belongs to, or -1. */
  final int[] setOf;

  /** Set indices per top category, for shoppers who pick a set in a category they like. */
  final int[][] byTop;

  Combos(long seed, Catalog catalog) {
    Rng rng = Rng.of(seed, Streams.COMBOS);
    setOf = new int[catalog.size];
    Arrays.fill(setOf, -1);
    int pairs = clamp(catalog.size / 100, 3, 500);
    int triples = clamp(catalog.size / 300, 2, 200);
    List<int[]> planted = new ArrayList<>();
    for (int k = 0; k < pairs + triples; k++) {
      int[] set = plant(rng, catalog, k < pairs ? 2 : 3);
      if (set != null) {
        for (int item : set) {
          setOf[item] = planted.size();
        }
        planted.add(set);
      }
    }
    sets = planted.toArray(int[][]::new);
    byTop = groupByTop(catalog);
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private int[] plant(Rng rng, Catalog catalog, int size) {
    Categories c = catalog.categories;
    int top = rng.nextInt(c.topCount());
    int[] set = new int[size];
    for (int k = 0; k < size; k++) {
      set[k] = -1;
      for (int attempt = 0; attempt < 40 && set[k] < 0; attempt++) {
        int leaf = rng.nextInt(c.leafCount());
        int item = catalog.sampler.uniform(leaf, rng);
        if (c.topOf(leaf) == top && eligible(catalog, item, set, k)) {
          set[k] = item;
        }
      }
      if (set[k] < 0) {
        return null;
      }
    }
    return set;
  }

  /** Listed from day 0, active, not in a set yet, and from a leaf no earlier member uses. */
  private boolean eligible(Catalog catalog, int item, int[] set, int filled) {
    if (catalog.launchDay[item] > 0 || catalog.inactive[item] || setOf[item] >= 0) {
      return false;
    }
    for (int k = 0; k < filled; k++) {
      if (set[k] == item || catalog.leaf[set[k]] == catalog.leaf[item]) {
        return false;
      }
    }
    return true;
  }

  private int[][] groupByTop(Catalog catalog) {
    int tops = catalog.categories.topCount();
    List<List<Integer>> groups = new ArrayList<>();
    for (int t = 0; t < tops; t++) {
      groups.add(new ArrayList<>());
    }
    for (int s = 0; s < sets.length; s++) {
      groups.get(catalog.top(sets[s][0])).add(s);
    }
    int[][] out = new int[tops][];
    for (int t = 0; t < tops; t++) {
      out[t] = groups.get(t).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }
}
