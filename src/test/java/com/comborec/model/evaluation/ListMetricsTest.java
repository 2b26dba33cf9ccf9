package com.comborec.model.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The backtest's figures of one list at one cutoff, computed by hand. */
class ListMetricsTest {
  private static final double EPS = 1e-5;

  /**
   * K = 2, a catalog of 4 items, three evaluated users.
   *
   * <ul>
   *   <li>u1 gets [A, B, C] and buys B: the hit is at 2, so NDCG = (1 / log2 3) / 1 = 0.63093,
   *       precision 1/2, recall 1/1, AP = (1/2) / min(2, 1) = 0.5. C is past K.
   *   <li>u2 gets [C] and buys C and D: NDCG = 1 / (1 + 1 / log2 3) = 0.61315, precision 1/2,
   *       recall 1/2, AP = (1/1) / min(2, 2) = 0.5.
   *   <li>u3 gets no list and buys A: 0 everywhere, yet counted.
   * </ul>
   *
   * Means over 3 users: NDCG 0.41469, precision 1/3, recall 1/2, MAP 1/3; coverage = {A, B, C}
   * listed within K = 3 of 4 items.
   */
  @Test
  void meansOverEveryEvaluatedUserWithAMissingListScoringZero() {
    Metrics m =
        ListMetrics.of(
            Map.of("u1", List.of("A", "B", "C"), "u2", List.of("C")),
            Map.of("u1", Set.of("B"), "u2", Set.of("C", "D"), "u3", Set.of("A")),
            2,
            4);
    assertEquals((0.630930 + 0.613147) / 3, m.ndcg(), EPS, "NDCG@2");
    assertEquals(1.0 / 3, m.precision(), EPS, "precision@2");
    assertEquals(0.5, m.recall(), EPS, "recall@2");
    assertEquals(1.0 / 3, m.map(), EPS, "MAP@2");
    assertEquals(0.75, m.coverage(), EPS, "coverage: A and B of u1, C of u2, of 4 items");
    assertEquals(3, m.users());
  }

  @Test
  void noEvaluatedUserIsNothing() {
    assertEquals(Metrics.none(), ListMetrics.of(Map.of("u1", List.of("A")), Map.of(), 10, 4));
  }
}
