package com.comborec.combos;

import com.comborec.core.StageResult;
import java.util.LinkedHashMap;
import java.util.Map;

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
   * @param order the published ordering, why, and what was measured
   */
  public record Fbt(
      long baskets,
      long cappedBaskets,
      long countedBaskets,
      long unattributedPurchases,
      long pairsKept,
      long itemsWithCompanions,
      Order order) {}

  /**
   * @param setting {@code combos.fbt.order}: auto or the pinned ordering
   * @param published the ordering of the published lists ({@link FbtOrder#code()})
   * @param reason {@link FbtChoice.Reason#code()}
   * @param filled whether short lists were filled with popular items
   * @param measurement absent when eval-days is 0
   */
  public record Order(
      String setting, String published, String reason, boolean filled, Measurement measurement) {

    static Order of(FbtSettings s, FbtChoice choice, Measurement measurement) {
      boolean filled = s.fillPopular() || choice.order() == FbtOrder.POPULARITY;
      return new Order(
          s.order(), choice.order().code(), choice.reason().code(), filled, measurement);
    }
  }

  /**
   * Hit rate@k of every ordering on the held-out baskets (see {@link FbtMeasure}), rounded to six
   * decimals, and each one's ratio to popularity companions (absent when popularity hit nothing).
   *
   * @param heldOutFrom the first held-out day; pairs were mined on the earlier days of the window
   * @param trainingBaskets counted baskets before that day
   * @param heldOutBaskets held-out baskets of 2+ items with an item seen in training
   * @param anchorPairs (held-out basket, item seen in training) pairs: the denominator
   */
  public record Measurement(
      int k,
      int evalDays,
      String heldOutFrom,
      long trainingBaskets,
      long heldOutBaskets,
      long anchorPairs,
      Map<String, Double> hitRateAtK,
      Map<String, Double> ratioToPopularity) {

    static Measurement of(FbtSettings s, String heldOutFrom, FbtMeasure.Figures f) {
      Map<String, Double> rates = new LinkedHashMap<>();
      Map<String, Double> ratios = new LinkedHashMap<>();
      double popular = f.hitRate(FbtOrder.POPULARITY);
      for (FbtOrder order : FbtOrder.values()) {
        rates.put(order.code(), round(f.hitRate(order)));
        if (popular > 0) {
          ratios.put(order.code(), round(f.hitRate(order) / popular));
        }
      }
      return new Measurement(
          s.evalK(),
          s.evalDays(),
          heldOutFrom,
          f.trainingBaskets(),
          f.heldOutBaskets(),
          f.anchorPairs(),
          rates,
          ratios);
    }
  }

  /** {@code recallAtM} and {@code recallSample} only for the approximate method. */
  public record Similar(
      String method,
      String measure,
      long items,
      double seconds,
      Double recallAtM,
      Integer recallSample) {}

  static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
