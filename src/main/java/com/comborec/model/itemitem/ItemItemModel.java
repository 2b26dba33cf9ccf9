package com.comborec.model.itemitem;

import java.io.Serializable;

/**
 * An item-to-item weight matrix over a set of items: a user's score for item j is the sum of {@code
 * weight(i, j)} over the items i they bought. EASE and cosine item-kNN are two such models over the
 * same Gram matrix. Broadcast to the tasks that score users: 4 n² bytes (36 MB at 3,000 items).
 *
 * @param items item ids by index
 * @param weights row-major n x n: {@code weights[i * n + j]} is item i's weight toward item j
 */
public record ItemItemModel(String[] items, float[] weights) implements Serializable {
  private static final long serialVersionUID = 1L;

  public int size() {
    return items.length;
  }

  /** EASE with L2 penalty {@code lambda} (see {@link EaseSolver}). */
  public static ItemItemModel ease(ItemGram gram, double lambda) {
    int n = gram.size();
    return new ItemItemModel(
        gram.items(), n == 0 ? new float[0] : EaseSolver.weights(gram.values(), n, lambda));
  }

  /**
   * Cosine item-kNN on binary purchases: cos(i, j) = G[i][j] / sqrt(G[i][i] G[j][j]), 0 on the
   * diagonal (an item does not recommend itself).
   */
  public static ItemItemModel cosine(ItemGram gram) {
    int n = gram.size();
    double[] g = gram.values();
    float[] w = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double norm = Math.sqrt(g[i * n + i] * g[j * n + j]);
        w[i * n + j] = i == j || norm == 0 ? 0f : (float) (g[i * n + j] / norm);
      }
    }
    return new ItemItemModel(gram.items(), w);
  }
}
