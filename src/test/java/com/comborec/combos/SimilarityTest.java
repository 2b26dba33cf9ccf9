package com.comborec.combos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The measures on vectors small enough to compute by hand. */
class SimilarityTest {
  static void assertBoth(double expected, double[] x, double[] y, boolean cosine, String what) {
    assertEquals(expected, Similarity.of(x, y, cosine), 1e-12, what + " (dense)");
    double dot = 0;
    double xx = 0;
    double yy = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * y[i];
      xx += x[i] * x[i];
      yy += y[i] * y[i];
    }
    assertEquals(
        expected,
        Similarity.fromDot(Math.sqrt(xx), Math.sqrt(yy), dot, cosine),
        1e-12,
        what + " (from dot)");
  }

  @Test
  void distanceMeasure() {
    // x=(1,0), y=(0,1): ||x-y|| = sqrt2, ||x||+||y|| = 2 -> 1 - sqrt2/2 = 0.2928932...
    assertBoth(
        1 - Math.sqrt(2) / 2,
        new double[] {1, 0},
        new double[] {0, 1},
        false,
        "orthogonal unit vectors");
    // x=(3,4), y=(6,8): ||x-y|| = 5, norms 5 + 10 = 15 -> 1 - 5/15 = 2/3.
    assertBoth(
        2 / 3.0, new double[] {3, 4}, new double[] {6, 8}, false, "same direction, twice as long");
    // x=(1,2,2), y=(2,1,2): x-y = (-1,1,0) -> sqrt2; norms 3 + 3 -> 1 - sqrt2/6 = 0.7642977...
    assertBoth(
        1 - Math.sqrt(2) / 6,
        new double[] {1, 2, 2},
        new double[] {2, 1, 2},
        false,
        "norm-3 vectors");
    // Identical -> 1; against the zero vector: ||x-0|| = ||x|| -> 1 - 5/5 = 0; both zero -> 0 by
    // definition.
    assertBoth(1.0, new double[] {3, 4}, new double[] {3, 4}, false, "identical");
    assertBoth(0.0, new double[] {3, 4}, new double[] {0, 0}, false, "against zero");
    assertBoth(0.0, new double[] {0, 0}, new double[] {0, 0}, false, "both zero");
  }

  @Test
  void cosineMeasure() {
    assertBoth(0.0, new double[] {1, 0}, new double[] {0, 1}, true, "orthogonal");
    assertBoth(1.0, new double[] {3, 4}, new double[] {6, 8}, true, "same direction");
    // (1,2,2).(2,1,2) = 2 + 2 + 4 = 8; norms 3 and 3 -> 8/9.
    assertBoth(8 / 9.0, new double[] {1, 2, 2}, new double[] {2, 1, 2}, true, "norm-3 vectors");
    assertBoth(0.0, new double[] {3, 4}, new double[] {0, 0}, true, "against zero");
  }
}
