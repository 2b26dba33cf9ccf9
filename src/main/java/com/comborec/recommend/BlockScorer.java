package com.comborec.recommend;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Scores a block of users against a block of items with one dense matrix multiply per tile and
 * keeps a bounded top-k per user. Excluded items are masked inside the tile (set to NaN), so no
 * (user, item) pair ever leaves this class. Plain Java: no Spark here.
 */
final class BlockScorer {
  /** Tile sizes keep the score tile (users x items floats = 1 MiB) inside a core's L2 cache. */
  static final int USER_TILE = 256;

  static final int ITEM_TILE = 1024;

  private BlockScorer() {}

  /**
   * Top-k items of every user of the block. {@code excluded[u]} lists item ids user u must never
   * get (null = none); {@code items} must be sorted by id.
   */
  static BlockHeaps score(FactorMatrix users, int[][] excluded, FactorMatrix items, int k) {
    BlockHeaps heaps = new BlockHeaps(users.size(), k);
    if (items.size() == 0) {
      return heaps;
    }
    if (users.rank != items.rank) {
      throw new IllegalArgumentException("user rank " + users.rank + " != item rank " + items.rank);
    }
    int[][] maskedColumns = columnsOf(excluded, items, users.size());
    float[] tile = new float[USER_TILE * ITEM_TILE];
    BLAS blas = BLAS.getInstance();
    for (int u0 = 0; u0 < users.size(); u0 += USER_TILE) {
      int ut = Math.min(USER_TILE, users.size() - u0);
      for (int c0 = 0; c0 < items.size(); c0 += ITEM_TILE) {
        int ic = Math.min(ITEM_TILE, items.size() - c0);
        // tile(ic x ut, column-major) = items[:, c0..c0+ic]^T * users[:, u0..u0+ut]: user u's
        // scores for the tile are contiguous, which the top-k scan below relies on.
        blas.sgemm(
            "T",
            "N",
            ic,
            ut,
            items.rank,
            1f,
            items.values,
            c0 * items.rank,
            items.rank,
            users.values,
            u0 * users.rank,
            users.rank,
            0f,
            tile,
            0,
            ic);
        mask(tile, maskedColumns, u0, ut, c0, ic);
        collect(tile, heaps, items.ids, u0, ut, c0, ic);
      }
    }
    return heaps;
  }

  /** The excluded ids of each user as item columns (ids absent from this item block dropped). */
  static int[][] columnsOf(int[][] excluded, FactorMatrix items, int users) {
    int[][] out = new int[users][];
    for (int u = 0; u < users; u++) {
      int[] ex = excluded == null ? null : excluded[u];
      if (ex == null || ex.length == 0) {
        continue;
      }
      int[] cols = new int[ex.length];
      int n = 0;
      for (int id : ex) {
        int col = items.columnOf(id);
        if (col >= 0) {
          cols[n++] = col;
        }
      }
      out[u] = java.util.Arrays.copyOf(cols, n);
    }
    return out;
  }

  private static void mask(float[] tile, int[][] maskedColumns, int u0, int ut, int c0, int ic) {
    for (int u = 0; u < ut; u++) {
      int[] cols = maskedColumns[u0 + u];
      if (cols == null) {
        continue;
      }
      for (int col : cols) {
        if (col >= c0 && col < c0 + ic) {
          tile[u * ic + col - c0] = Float.NaN;
        }
      }
    }
  }

  /**
   * Offers each score that reaches the user's threshold. Columns ascend by id and tiles are scanned
   * in column order, so the cheap threshold test rejects almost everything.
   */
  private static void collect(
      float[] tile, BlockHeaps heaps, int[] ids, int u0, int ut, int c0, int ic) {
    for (int u = 0; u < ut; u++) {
      int user = u0 + u;
      float threshold = heaps.threshold(user);
      int base = u * ic;
      for (int j = 0; j < ic; j++) {
        float s = tile[base + j];
        if (s >= threshold) { // false for NaN: masked items never get here
          heaps.offer(user, ids[c0 + j], s);
          threshold = heaps.threshold(user);
        }
      }
    }
  }
}
