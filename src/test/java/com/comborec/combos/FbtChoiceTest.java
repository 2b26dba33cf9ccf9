package com.comborec.combos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published ordering: best measured, never below popularity companions, or pinned. */
class FbtChoiceTest {
  static final FbtSettings AUTO = Fixtures.fbt(2, 0, 0.05, 1.0, 10, 50);

  /** Hits out of 100 (basket, anchor) pairs, in the order of FbtOrder.values(). */
  static FbtMeasure.Figures figures(long... hits) {
    Map<FbtOrder, Long> byOrder = new EnumMap<>(FbtOrder.class);
    for (FbtOrder order : FbtOrder.values()) {
      byOrder.put(order, hits[order.ordinal()]);
    }
    return new FbtMeasure.Figures(500, 40, 100, byOrder);
  }

  static FbtSettings pinned(String order) {
    return new FbtSettings(2, 0, 0.05, 1.0, 10, order, 5.0, true, 50, 28, 5);
  }

  @Test
  void autoPublishesTheBestOrderingThatBeatsPopularity() {
    // confidence, lift, shrunk_lift, confidence_x_lift, added_probability, popularity
    assertEquals(
        new FbtChoice(FbtOrder.SHRUNK_LIFT, FbtChoice.Reason.BEST_MEASURED),
        FbtChoice.choose(AUTO, figures(60, 20, 61, 55, 50, 45)));
    // Equal best: the earlier ordering.
    assertEquals(
        new FbtChoice(FbtOrder.CONFIDENCE, FbtChoice.Reason.BEST_MEASURED),
        FbtChoice.choose(AUTO, figures(60, 20, 60, 55, 50, 45)));
  }

  @Test
  void autoFallsBackToPopularityUnlessStrictlyBeaten() {
    assertEquals(
        new FbtChoice(FbtOrder.POPULARITY, FbtChoice.Reason.POPULARITY_NOT_BEATEN),
        FbtChoice.choose(AUTO, figures(74, 5, 30, 70, 69, 75)),
        "every ordering below popularity");
    assertEquals(
        new FbtChoice(FbtOrder.POPULARITY, FbtChoice.Reason.POPULARITY_NOT_BEATEN),
        FbtChoice.choose(AUTO, figures(75, 5, 30, 70, 69, 75)),
        "a tie is not better");
  }

  @Test
  void nothingMeasuredPublishesConfidence() {
    FbtChoice unmeasured = new FbtChoice(FbtOrder.CONFIDENCE, FbtChoice.Reason.NOT_MEASURED);
    assertEquals(unmeasured, FbtChoice.choose(AUTO, null), "eval-days 0");
    FbtMeasure.Figures empty = new FbtMeasure.Figures(500, 0, 0, figures(0, 0, 0, 0, 0, 0).hits());
    assertEquals(unmeasured, FbtChoice.choose(AUTO, empty), "no held-out anchors");
  }

  @Test
  void aPinnedOrderingIsPublishedWhateverTheMeasurement() {
    assertEquals(
        new FbtChoice(FbtOrder.LIFT, FbtChoice.Reason.PINNED),
        FbtChoice.choose(pinned("lift"), figures(60, 20, 61, 55, 50, 45)));
    assertEquals(
        new FbtChoice(FbtOrder.POPULARITY, FbtChoice.Reason.PINNED),
        FbtChoice.choose(pinned("popularity"), null));
  }
}
