package com.comborec.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final double LOG2_3 = Math.log(3) / Math.log(2); // 1.5849625
  private static final double LOG2_5 = Math.log(5) / Math.log(2); // 2.3219281

  // Ranking [a, b, c, d, e], relevant {b, d, f} (f never recommended): hits at positions 2 and 4.
  private static final List<String> RANKED = List.of("a", "b", "c", "d", "e");
  private static final Set<String> RELEVANT = Set.of("b", "d", "f");

  @Test
  void atFour() {
    // P@4 = 2 hits / 4 = 0.5
    assertEquals(0.5, RankingMetrics.precisionAtK(RANKED, RELEVANT, 4), 1e-12, "P@4");
    // R@4 = 2 hits / 3 relevant = 0.666667
    assertEquals(2.0 / 3, RankingMetrics.recallAtK(RANKED, RELEVANT, 4), 1e-12, "R@4");
    // DCG = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061606
    // IDCG = min(4, 3) = 3 ones on top: 1/log2(2) + 1/log2(3) + 1/log2(4) = 1 + 0.630930 + 0.5 =
    // 2.130930
    // NDCG@4 = 1.061606 / 2.130930 = 0.498189
    double ndcg = (1 / LOG2_3 + 1 / LOG2_5) / (1 + 1 / LOG2_3 + 0.5);
    assertEquals(ndcg, RankingMetrics.ndcgAtK(RANKED, RELEVANT, 4), 1e-12, "NDCG@4");
    assertEquals(0.498189, RankingMetrics.ndcgAtK(RANKED, RELEVANT, 4), 1e-6, "NDCG@4 by hand");
    // AP@4 = (P@2 + P@4) / min(4, 3) = (1/2 + 2/4) / 3 = 0.333333
    assertEquals(1.0 / 3, RankingMetrics.averagePrecisionAtK(RANKED, RELEVANT, 4), 1e-12, "AP@4");
  }

  @Test
  void kBelowTheFirstHit() {
    // Only "a" counts at K = 1: no hit anywhere.
    assertEquals(0.0, RankingMetrics.precisionAtK(RANKED, RELEVANT, 1), 0, "P@1");
    assertEquals(0.0, RankingMetrics.recallAtK(RANKED, RELEVANT, 1), 0, "R@1");
    assertEquals(0.0, RankingMetrics.ndcgAtK(RANKED, RELEVANT, 1), 0, "NDCG@1");
    assertEquals(0.0, RankingMetrics.averagePrecisionAtK(RANKED, RELEVANT, 1), 0, "AP@1");
  }

  @Test
  void kAboveTheListLength() {
    // [x, y], relevant {y}, K = 10: the 8 missing slots are misses.
    List<String> ranked = List.of("x", "y");
    Set<String> relevant = Set.of("y");
    assertEquals(0.1, RankingMetrics.precisionAtK(ranked, relevant, 10), 1e-12, "P@10 = 1/10");
    assertEquals(1.0, RankingMetrics.recallAtK(ranked, relevant, 10), 1e-12, "R@10 = 1/1");
    // DCG = 1/log2(3) = 0.630930; IDCG = min(10, 1) = 1 one: 1
    assertEquals(1 / LOG2_3, RankingMetrics.ndcgAtK(ranked, relevant, 10), 1e-12, "NDCG@10");
    // AP = P@2 / min(10, 1) = 0.5
    assertEquals(0.5, RankingMetrics.averagePrecisionAtK(ranked, relevant, 10), 1e-12, "AP@10");
  }

  @Test
  void perfectAndEmpty() {
    List<String> ranked = List.of("b", "d", "f");
    assertEquals(1.0, RankingMetrics.ndcgAtK(ranked, RELEVANT, 3), 1e-12, "perfect NDCG@3");
    assertEquals(
        1.0, RankingMetrics.averagePrecisionAtK(ranked, RELEVANT, 3), 1e-12, "perfect AP@3");
    assertEquals(0.0, RankingMetrics.ndcgAtK(List.of(), RELEVANT, 3), 0, "empty list NDCG");
    assertEquals(
        0.0, RankingMetrics.recallAtK(ranked, Set.of(), 3), 0, "no relevant item: recall 0");
  }
}
