package com.comborec.generate;

import java.io.Serializable;

/** Draws an item of a leaf category in proportion to its weight (binary search on running sums). */
final class LeafSampler implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int[] items;
  private final int[] start;
  private final double[] cumulative;

  LeafSampler(int[] leafOfItem, int leaves, double[] weight) {
    start = new int[leaves + 1];
    for (int l : leafOfItem) {
      start[l + 1]++;
    }
    for (int l = 0; l < leaves; l++) {
      start[l + 1] += start[l];
    }
    items = new int[leafOfItem.length];
    int[] next = start.clone();
    for (int i = 0; i < leafOfItem.length; i++) {
      items[next[leafOfItem[i]]++] = i;
    }
    double[] ordered = new double[items.length];
    for (int k = 0; k < items.length; k++) {
      ordered[k] = weight[items[k]];
    }
    cumulative = Sampling.cumulative(ordered);
  }

  int draw(int leaf, Rng rng) {
    int from = start[leaf];
    int to = start[leaf + 1];
    double base = from == 0 ? 0 : cumulative[from - 1];
    double x = base + rng.nextDouble() * (cumulative[to - 1] - base);
    return items[Sampling.search(cumulative, from, to, x)];
  }

  /** A uniformly chosen item of the leaf, whatever its weight. */
  int uniform(int leaf, Rng rng) {
    return items[start[leaf] + rng.nextInt(start[leaf + 1] - start[leaf])];
  }

  /** The summed weight of a leaf's items. */
  double leafWeight(int leaf) {
    double base = start[leaf] == 0 ? 0 : cumulative[start[leaf] - 1];
    return cumulative[start[leaf + 1] - 1] - base;
  }
}
