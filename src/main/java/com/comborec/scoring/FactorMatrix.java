package com.comborec.scoring;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A block of factor vectors as one column-major float matrix (rank x n, vector j at j * rank), the
 * layout sgemm wants. Ids are ascending for item matrices, which makes tie-breaking by id free.
 */
final class FactorMatrix implements Serializable {
  private static final long serialVersionUID = 1L;

  final int rank;
  final int[] ids;
  final float[] values;

  FactorMatrix(int rank, int[] ids, float[] values) {
    if (values.length != (long) rank * ids.length) {
      throw new IllegalArgumentException(
          "factor matrix of "
              + ids.length
              + " vectors of rank "
              + rank
              + " has "
              + values.length
              + " values");
    }
    this.rank = rank;
    this.ids = ids;
    this.values = values;
  }

  /** Packs (id, vector) pairs sorted by id; every vector must have the given rank. */
  static FactorMatrix sortedById(int rank, List<Integer> ids, List<float[]> vectors) {
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ids.get(a), ids.get(b)));
    int[] sortedIds = new int[order.length];
    float[] values = new float[Math.multiplyExact(order.length, rank)];
    for (int j = 0; j < order.length; j++) {
      sortedIds[j] = ids.get(order[j]);
      float[] v = vectors.get(order[j]);
      checkRank(rank, sortedIds[j], v);
      System.arraycopy(v, 0, values, j * rank, rank);
    }
    return new FactorMatrix(rank, sortedIds, values);
  }

  /** Packs vectors in the given order (user blocks need no sorting). */
  static FactorMatrix inOrder(int rank, int[] ids, List<float[]> vectors) {
    float[] values = new float[Math.multiplyExact(ids.length, rank)];
    for (int j = 0; j < ids.length; j++) {
      float[] v = vectors.get(j);
      checkRank(rank, ids[j], v);
      System.arraycopy(v, 0, values, j * rank, rank);
    }
    return new FactorMatrix(rank, ids, values);
  }

  int size() {
    return ids.length;
  }

  /** The column of an id in an id-sorted matrix, or -1 when absent. */
  int columnOf(int id) {
    int col = Arrays.binarySearch(ids, id);
    return col >= 0 ? col : -1;
  }

  static void checkRank(int rank, int id, float[] v) {
    if (v == null || v.length != rank) {
      throw new IllegalArgumentException(
          "factor vector of id "
              + id
              + " has "
              + (v == null ? "no values" : v.length + " values")
              + ", expected rank "
              + rank);
    }
  }
}
