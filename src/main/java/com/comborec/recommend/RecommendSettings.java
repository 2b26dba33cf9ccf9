package com.comborec.recommend;

import com.comborec.core.Settings;

/**
 * How recommendation lists are built: list length, the repeat-purchase and dismiss filters, the
 * history needed for a personal list, the scoring block size and the candidate pool size.
 */
public record RecommendSettings(
    int topN,
    boolean repeatPurchase,
    int minInteractions,
    int dismissDays,
    int blockSize,
    int candidateMultiplier) {

  public static RecommendSettings from(Settings s) {
    return new RecommendSettings(
        s.intAtLeast("top-n", 1),
        s.bool("repeat-purchase"),
        s.intAtLeast("min-interactions", 1),
        s.intAtLeast("dismiss-days", 1),
        s.intAtLeast("block-size", 1),
        s.intAtLeast("candidate-multiplier", 1));
  }

  /**
   * How many candidates each source contributes per user before merging: top-n times the
   * multiplier.
   */
  public int candidatePool() {
    return Math.multiplyExact(topN, candidateMultiplier);
  }
}
