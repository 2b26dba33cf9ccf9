package com.comborec.combos;

import com.comborec.core.StageResult;

/** The combos stage's manifest section: basket mining and similar-item figures. */
public record CombosResult(CombosResult.Combos combos) implements StageResult {

  public record Combos(Fbt fbt, Similar similar) {}

  /**
   * @param baskets baskets in the look-back window
   * @param cappedBaskets baskets above max-basket-items, left out of the counts
   * @param countedBaskets baskets counted
   * @param unattributedPurchases guest purchases without an order (no basket)
   * @param pairsKept ordered pairs passing the minimums
   * @param itemsWithCompanions rows of frequently_bought_together
   */
  public record Fbt(
      long baskets,
      long cappedBaskets,
      long countedBaskets,
      long unattributedPurchases,
      long pairsKept,
      long itemsWithCompanions) {}

  /** {@code recallAtM} and {@code recallSample} only for the approximate method. */
  public record Similar(
      String method,
      String measure,
      long items,
      double seconds,
      Double recallAtM,
      Integer recallSample) {}
}
