package com.comborec.combos;

import java.util.Locale;

/**
 * The ordering a run publishes, and why. "auto" takes the pair ordering with the best measured hit
 * rate when it beats popularity companions, else popularity companions: never worse than them on
 * the measured baskets.
 */
public record FbtChoice(FbtOrder order, Reason reason) {

  /** Published when nothing was measured: the best ordering in every measurement so far. */
  public static final FbtOrder UNMEASURED_DEFAULT = FbtOrder.CONFIDENCE;

  /** Why the ordering was published. */
  public enum Reason {
    /** {@code combos.fbt.order} names it. */
    PINNED,
    /** The best measured pair ordering, above popularity companions. */
    BEST_MEASURED,
    /** No pair ordering measured above popularity companions. */
    POPULARITY_NOT_BEATEN,
    /** eval-days is 0, or no held-out basket had an item seen before. */
    NOT_MEASURED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code figures} is null when nothing was measured. */
  public static FbtChoice choose(FbtSettings s, FbtMeasure.Figures figures) {
    if (!s.auto()) {
      return new FbtChoice(s.pinned(), Reason.PINNED);
    }
    if (figures == null || figures.anchorPairs() == 0) {
      return new FbtChoice(UNMEASURED_DEFAULT, Reason.NOT_MEASURED);
    }
    FbtOrder best = FbtOrder.pairOrders().get(0);
    for (FbtOrder order : FbtOrder.pairOrders()) {
      // Strictly better only, so equal hit rates keep the earlier ordering of the enum.
      if (figures.hits().get(order) > figures.hits().get(best)) {
        best = order;
      }
    }
    return figures.hits().get(best) > figures.hits().get(FbtOrder.POPULARITY)
        ? new FbtChoice(best, Reason.BEST_MEASURED)
        : new FbtChoice(FbtOrder.POPULARITY, Reason.POPULARITY_NOT_BEATEN);
  }
}
