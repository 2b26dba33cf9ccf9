package com.comborec.scoring;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * Scores a block of users against a block of items, one tile at a time, and keeps a bounded top-k
 * per user. The multiply is a native sgemm when netlib found a system BLAS, else {@link
 * JavaTileKernel}. Excluded items are masked inside the tile (set to NaN), so no (user, item) pair
 * ever leaves this class. Plain Java: no Spark here.
 */
final class BlockScorer {
  /** Tile sizes keep the score tile (users x items floats = 1 MiB) inside a core's L2 cache. */
  static final int USER_TILE = 256;

  static final int ITEM_TILE = 1024;

  private BlockScorer() {}

  /** True when scoring uses a native sgemm (a system BLAS loaded), false for the Java kernel. */
  static boolean nativeSgemm() {
    return BLAS.getInstance() instanceof NativeBLAS;
  }

  /**
   * Top-k items of every user of the block. {@code excluded[u]} lists item ids user u must never
   * get (null = none); {@code items} must be sorted by id.
   */
  static BlockHeaps score(FactorMatrix users, int[][] excluded, FactorMatrix items, int k) {
    return score(users, excluded, items, k, nativeSgemm());
  }

  static BlockHeaps score(
      FactorMatrix users, int[][] excluded, FactorMatrix items, int k, boolean sgemm) {
    BlockHeaps heaps = new BlockHeaps(users.size(), k);
    if (items.size() == 0) {
      return heaps;
    }
    if (users.rank != items.rank) {
      throw new IllegalArgumentException("user rank " + users.rank + " != item rank " + items.rank);
    }
    int[][] masked = columnsOf(excluded, items, users.size());
    if (sgemm) {
      withSgemm(users, masked, items, heaps);
    } else {
      withJavaKernel(users, masked, items, heaps);
    }
    return heaps;
  }

  private static void withSgemm(
      FactorMatrix users, int[][] masked, FactorMatrix items, BlockHeaps heaps) {
    float[] tile = new float[USER_TILE * ITEM_TILE];
    BLAS blas = BLAS.getInstance();
    for (int u0 = 0; u0 < users.size(); u0 += USER_TILE) {
      int ut = Math.min(USER_TILE, users.size() - u0);
      for (int c0 = 0; c0 < items.size(); c0 += ITEM_TILE) {
        int ic = Math.min(ITEM_TILE, items.size() - c0);
        // tile(ic x ut, column-major) = items[:, c0..c0+ic]^T * users[:, u0..u0+ut]: user u's
        // scores for the tile are contiguous, which the top-k scan relies on.
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
        for (int u = 0; u < ut; u++) {
          collect(tile, u * ic, ic, masked[u0 + u], c0, items.ids, heaps, u0 + u);
        }
      }
    }
  }

  /** Item tiles outermost, so a tile's repacked factors stay in cache for every user. */
  private static void withJavaKernel(
      FactorMatrix users, int[][] masked, FactorMatrix items, BlockHeaps heaps) {
    float[][] out = new float[JavaTileKernel.USERS][ITEM_TILE];
    for (int c0 = 0; c0 < items.size(); c0 += ITEM_TILE) {
      int ic = Math.min(ITEM_TILE, items.size() - c0);
      float[][] rows = JavaTileKernel.rows(items, c0, ic);
      for (int u0 = 0; u0 < users.size(); u0 += JavaTileKernel.USERS) {
        int count = Math.min(JavaTileKernel.USERS, users.size() - u0);
        JavaTileKernel.scores(rows, ic, users, u0, count, out);
        for (int q = 0; q < count; q++) {
          collect(out[q], 0, ic, masked[u0 + q], c0, items.ids, heaps, u0 + q);
        }
      }
    }
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

  /**
   * Masks the user's excluded columns of [c0, c0 + n) in scores[off, off + n), then offers each
   * score that reaches the user's threshold. Columns ascend by id and a user's tiles are visited in
   * column order, so the cheap threshold test rejects almost everything.
   */
  private static void collect(
      float[] scores,
      int off,
      int n,
      int[] maskedCols,
      int c0,
      int[] ids,
      BlockHeaps heaps,
      int user) {
    if (maskedCols != null) {
      for (int col : maskedCols) {
        if (col >= c0 && col < c0 + n) {
          scores[off + col - c0] = Float.NaN;
        }
      }
    }
    float threshold = heaps.threshold(user);
    for (int j = 0; j < n; j++) {
      float s = scores[off + j];
      if (s >= threshold) { // false for NaN: masked items never get here
        heaps.offer(user, ids[c0 + j], s);
        threshold = heaps.threshold(user);
      }
    }
  }
}
