package com.comborec.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The plain-Java measures on tiny hand-computed examples. */
class MeasuresTest {
  private static final double EPS = 1e-12;

  /**
   * One item gets every exposure: sorted x = (0,0,0,1), sum(i * x_i) = 4 * 1 = 4, sum x = 1, n = 4:
   * G = 2 * 4 / (4 * 1) - 5/4 = 0.75 = (n - 1)/n, the standard formula's maximum (1.0 only with the
   * n/(n - 1) correction, which we do not apply).
   */
  @Test
  void giniOfOneItemTakingAllIsThreeQuarters() {
    assertEquals(0.75, Measures.gini(new long[] {0, 0, 0, 1}), EPS, "gini [0,0,0,1]");
    assertEquals(0.75, Measures.gini(new long[] {1, 0, 0, 0}), EPS, "gini is order-free");
  }

  /**
   * x = (0,1,2,3): sum(i * x_i) = 1*0 + 2*1 + 3*2 + 4*3 = 20, sum x = 6: G = 40/24 - 5/4 = 5/12.
   * Check by mean absolute difference: sum_{i,j} |x_i - x_j| = 20, / (2 n^2 mean = 48) = 5/12.
   */
  @Test
  void giniOfARampIsFiveTwelfths() {
    assertEquals(5.0 / 12, Measures.gini(new long[] {3, 1, 0, 2}), EPS, "gini [0,1,2,3]");
  }

  @Test
  void giniOfEqualOrNoExposureIsZero() {
    assertEquals(0.0, Measures.gini(new long[] {2, 2, 2}), EPS, "equal exposure");
    assertEquals(0.0, Measures.gini(new long[] {0, 0}), EPS, "no exposure at all");
    assertEquals(0.0, Measures.gini(new long[0]), EPS, "no items");
  }

  /**
   * The histogram form must agree: (0,1,2,2,3) as {0:1, 1:1, 2:2, 3:1}; sum(i x_i) = 31, sum x = 8:
   * 62/40 - 6/5 = 0.35.
   */
  @Test
  void giniFromHistogramEqualsGiniOfValues() {
    TreeMap<Long, Long> h = new TreeMap<>();
    h.put(0L, 1L);
    h.put(1L, 1L);
    h.put(2L, 2L);
    h.put(3L, 1L);
    assertEquals(0.35, Measures.gini(new long[] {0, 1, 2, 2, 3}), EPS, "gini of values");
    assertEquals(0.35, Measures.gini(h), EPS, "gini of histogram");
    TreeMap<Long, Long> oneTakesAll = new TreeMap<>();
    oneTakesAll.put(0L, 3L);
    oneTakesAll.put(1L, 1L);
    assertEquals(0.75, Measures.gini(oneTakesAll), EPS, "histogram {0:3, 1:1}");
  }

  @Test
  void coverageAndShares() {
    assertEquals(0.375, Measures.coverage(3, 8), EPS, "3 of 8 items");
    assertEquals(0.0, Measures.coverage(0, 0), EPS, "empty catalog");
    assertEquals(2, Measures.headSize(10), "head of 10 items = 2");
    assertEquals(1, Measures.headSize(3), "head of 3 items = ceil(0.6) = 1");
    assertEquals(0, Measures.headSize(0), "head of no items");
  }

  /**
   * 8 purchases in all. Bought 2: -log2(2/8) = 2 bits; bought 8: 0 bits; never bought: counts 0.5,
   * -log2(0.5/8) = 4 bits. Novelty of slots (2, 0, 8) = (2 + 4 + 0)/3 = 2.
   */
  @Test
  void noveltyIsMeanSelfInformationWithAFloorForUnseenItems() {
    assertEquals(2.0, Measures.selfInformation(2, 8), EPS, "bought 2 of 8");
    assertEquals(0.0, Measures.selfInformation(8, 8), EPS, "bought by everyone");
    assertEquals(4.0, Measures.selfInformation(0, 8), EPS, "never bought");
    assertEquals(2.0, Measures.novelty(new long[] {2, 0, 8}, 8), EPS, "novelty of (2, 0, 8)");
    assertEquals(
        0.0, Measures.novelty(new long[] {0, 0}, 0), EPS, "no purchases at all: no signal");
  }

  /** [a,a,b]: pairs (a,a)=0, (a,b)=1, (a,b)=1 -> 2/3; from counts {a:2, b:1}: 1 - 2/(3*2) = 2/3. */
  @Test
  void intraListDiversityIsTheShareOfPairsInDifferentCategories() {
    assertEquals(
        2.0 / 3, Measures.intraListDiversity(List.of("a", "a", "b")).getAsDouble(), EPS, "[a,a,b]");
    assertEquals(
        1.0, Measures.intraListDiversity(List.of("a", "b", "c")).getAsDouble(), EPS, "[a,b,c]");
    assertEquals(0.0, Measures.intraListDiversity(List.of("a", "a")).getAsDouble(), EPS, "[a,a]");
    assertTrue(Measures.intraListDiversity(List.of("a")).isEmpty(), "a single item has no pair");
    assertEquals(
        2.0 / 3,
        Measures.intraListDiversityFromCounts(List.of(2L, 1L)).getAsDouble(),
        EPS,
        "counts {2,1}");
    // [a,a,b,b,c]: equal pairs 1 + 1 = 2 of 10 -> 0.8; counts: 1 - (2 + 2)/(5*4) = 0.8.
    assertEquals(
        0.8,
        Measures.intraListDiversity(List.of("a", "a", "b", "b", "c")).getAsDouble(),
        EPS,
        "[a,a,b,b,c]");
    assertEquals(
        0.8,
        Measures.intraListDiversityFromCounts(List.of(2L, 2L, 1L)).getAsDouble(),
        EPS,
        "counts {2,2,1}");
  }

  @Test
  void spreadIsRangeAndWorstOverBest() {
    Spread s = Spread.of(List.of(0.2, 0.4, 0.3));
    assertEquals(0.2, s.range(), EPS, "range 0.4 - 0.2");
    assertEquals(0.5, s.ratio(), EPS, "ratio 0.2 / 0.4");
    assertEquals(1.0, Spread.of(List.of(0.0, 0.0)).ratio(), EPS, "all zero: parity");
    assertEquals(0.0, Spread.of(List.of()).range(), EPS, "no groups");
  }
}
