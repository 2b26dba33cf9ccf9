package com.comborec.model.candidates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The top-k cosine neighbours of one block of items, computed inside a Spark task without Spark:
 * the baskets that touch the block are indexed by item, and each item's dot products with all other
 * items are summed into one dense array. No (item, item) pair is ever a row, shuffled or sorted.
 */
final class CosineBlock {

  /** Makes an output row of (item, neighbour, score). */
  interface RowMaker<T> {
    T row(int item, int other, double score);
  }

  /**
   * One user's capped items (dense ids), their strengths, and each item's norm over all capped
   * baskets: what a block needs of a user. A plain class, not a record, so Kryo can ship it too.
   */
  static final class Basket implements Serializable {
    private static final long serialVersionUID = 1L;
    final String user;
    final int[] items;
    final double[] strengths;
    final double[] norms;

    Basket(String user, int[] items, double[] strengths, double[] norms) {
      this.user = user;
      this.items = items;
      this.strengths = strengths;
      this.norms = norms;
    }
  }

  private final List<Basket> baskets;
  private final int block;
  private final int blocks;
  private final double[] norms;
  // Item a's users are entries start[a] .. start[a + 1] - 1: their basket and a's strength in it.
  private final int[] start;
  private final int[] entryBasket;
  private final double[] entryStrength;
  // The dense accumulator: dots[c] belongs to the current item a when seenBy[c] == a + 1.
  private final double[] dots;
  private final int[] seenBy;
  private final int[] touched;

  /** Items {@code i} with {@code i % blocks == block} are this block's; baskets may hold others. */
  CosineBlock(List<Basket> baskets, int block, int blocks) {
    this.baskets = new ArrayList<>(baskets);
    // One user order everywhere: a pair's dot product is then summed over the same users in the
    // same order from both of its items, whichever blocks hold them, so both directions get the
    // same double (as the single sum per unordered pair did) and the result ignores partitioning.
    this.baskets.sort(Comparator.comparing((Basket b) -> b.user));
    this.block = block;
    this.blocks = blocks;
    int n = itemCount(this.baskets);
    this.norms = new double[n];
    this.start = new int[n + 1];
    countEntries();
    this.entryBasket = new int[start[n]];
    this.entryStrength = new double[start[n]];
    fillEntries();
    this.dots = new double[n];
    this.seenBy = new int[n];
    this.touched = new int[n];
  }

  /**
   * Every block item's best {@code k} neighbours, items in id order, each best first; computed item
   * by item as the rows are consumed, so the output never sits in memory whole.
   */
  <T> Iterator<T> rows(int k, RowMaker<T> make) {
    NeighbourHeap heap = new NeighbourHeap(k);
    int[] ids = new int[k];
    double[] scores = new double[k];
    return new Iterator<>() {
      private int item = -1;
      private int kept;
      private int next;

      @Override
      public boolean hasNext() {
        while (next == kept && item + 1 < norms.length) {
          item++;
          kept = top(item, heap, ids, scores);
          next = 0;
        }
        return next < kept;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T row = make.row(item, ids[next], scores[next]);
        next++;
        return row;
      }
    };
  }

  /** Item a's best neighbours into ids and scores, best first; returns how many. */
  private int top(int a, NeighbourHeap heap, int[] ids, double[] scores) {
    if (start[a] == start[a + 1]) {
      return 0;
    }
    int count = sumDots(a);
    for (int t = 0; t < count; t++) {
      int c = touched[t];
      heap.offer(c, dots[c] / (norms[a] * norms[c]));
    }
    return heap.drainBestFirst(ids, scores);
  }

  /** Dot products of item a with every item sharing a user; returns how many are in touched. */
  private int sumDots(int a) {
    int count = 0;
    for (int e = start[a]; e < start[a + 1]; e++) {
      Basket b = baskets.get(entryBasket[e]);
      double s = entryStrength[e];
      int[] items = b.items;
      double[] strengths = b.strengths;
      for (int j = 0; j < items.length; j++) {
        int c = items[j];
        if (c == a) {
          continue;
        }
        if (seenBy[c] != a + 1) {
          seenBy[c] = a + 1;
          dots[c] = 0;
          touched[count++] = c;
        }
        dots[c] += s * strengths[j];
      }
    }
    return count;
  }

  private boolean mine(int item) {
    return item % blocks == block;
  }

  /** Norms of every item seen, and each block item's user count (shifted by one, for sums). */
  private void countEntries() {
    for (Basket b : baskets) {
      for (int j = 0; j < b.items.length; j++) {
        norms[b.items[j]] = b.norms[j];
        if (mine(b.items[j])) {
          start[b.items[j] + 1]++;
        }
      }
    }
    for (int a = 0; a < norms.length; a++) {
      start[a + 1] += start[a];
    }
  }

  /** Each block item's users, in basket (user) order. */
  private void fillEntries() {
    int[] next = Arrays.copyOf(start, norms.length);
    for (int bi = 0; bi < baskets.size(); bi++) {
      Basket b = baskets.get(bi);
      for (int j = 0; j < b.items.length; j++) {
        if (mine(b.items[j])) {
          int e = next[b.items[j]]++;
          entryBasket[e] = bi;
          entryStrength[e] = b.strengths[j];
        }
      }
    }
  }

  private static int itemCount(List<Basket> baskets) {
    int n = 0;
    for (Basket b : baskets) {
      for (int item : b.items) {
        n = Math.max(n, item + 1);
      }
    }
    return n;
  }
}
