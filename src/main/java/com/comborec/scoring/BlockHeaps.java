package com.comborec.scoring;

import java.util.Arrays;

/**
 * Bounded top-k heaps for a block of users in flat primitive arrays, so scoring millions of (user,
 * item) pairs allocates nothing per pair. Order: higher score first, ties by lower id.
 */
final class BlockHeaps {
  private final int k;
  private final float[] scores;
  private final int[] ids;
  private final int[] sizes;
  private final float[] thresholds;

  BlockHeaps(int users, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.k = k;
    this.scores = new float[Math.multiplyExact(users, k)];
    this.ids = new int[scores.length];
    this.sizes = new int[users];
    this.thresholds = new float[users];
    Arrays.fill(thresholds, Float.NEGATIVE_INFINITY);
  }

  /**
   * The score a candidate of user {@code u} must reach to possibly enter: the worst kept score, or
   * -inf while the heap is not full. Callers skip anything below it without calling offer.
   */
  float threshold(int u) {
    return thresholds[u];
  }

  /** Offers a candidate; NaN (a masked item) never enters. */
  void offer(int u, int id, float score) {
    if (Float.isNaN(score)) {
      return;
    }
    int base = u * k;
    int size = sizes[u];
    if (size < k) {
      scores[base + size] = score;
      ids[base + size] = id;
      siftUp(base, size);
      sizes[u] = size + 1;
    } else if (worse(scores[base], ids[base], score, id)) {
      scores[base] = score;
      ids[base] = id;
      siftDown(base, k);
    } else {
      return;
    }
    if (sizes[u] == k) {
      thresholds[u] = scores[base];
    }
  }

  int size(int u) {
    return sizes[u];
  }

  /** User u's kept ids and scores, best first, written to the given arrays; returns the count. */
  int sorted(int u, int[] idsOut, float[] scoresOut) {
    int n = sizes[u];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = u * k + i;
    }
    Arrays.sort(
        order,
        (a, b) ->
            worse(scores[a], ids[a], scores[b], ids[b])
                ? 1
                : worse(scores[b], ids[b], scores[a], ids[a]) ? -1 : 0);
    for (int i = 0; i < n; i++) {
      idsOut[i] = ids[order[i]];
      scoresOut[i] = scores[order[i]];
    }
    return n;
  }

  /**
   * True when (s1, id1) ranks below (s2, id2): a lower score, or the same score and a higher id.
   */
  static boolean worse(float s1, int id1, float s2, int id2) {
    return s1 < s2 || (s1 == s2 && id1 > id2);
  }

  private void siftUp(int base, int pos) {
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      if (!worse(scores[base + pos], ids[base + pos], scores[base + parent], ids[base + parent])) {
        return;
      }
      swap(base + pos, base + parent);
      pos = parent;
    }
  }

  private void siftDown(int base, int size) {
    int pos = 0;
    while (true) {
      int worst = pos;
      for (int child = 2 * pos + 1; child <= 2 * pos + 2 && child < size; child++) {
        if (worse(
            scores[base + child], ids[base + child], scores[base + worst], ids[base + worst])) {
          worst = child;
        }
      }
      if (worst == pos) {
        return;
      }
      swap(base + pos, base + worst);
      pos = worst;
    }
  }

  private void swap(int a, int b) {
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    int i = ids[a];
    ids[a] = ids[b];
    ids[b] = i;
  }
}
