package com.comborec.responsible;

import java.io.Serializable;

/**
 * Similarity of two items in [0, 1] (1 = identical, 0 = unrelated or unknown); Serializable for
 * Spark.
 */
@FunctionalInterface
public interface ItemSimilarity extends Serializable {
  double of(String itemId, String otherItemId);

  /** Every pair unrelated: MMR then diversifies nothing and keeps relevance order. */
  static ItemSimilarity none() {
    return (a, b) -> a.equals(b) ? 1.0 : 0.0;
  }
}
