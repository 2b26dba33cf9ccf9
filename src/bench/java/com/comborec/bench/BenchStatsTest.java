package com.comborec.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BenchStatsTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(3.0, BenchStats.median(new double[] {5, 1, 3}));
    assertEquals(2.5, BenchStats.median(new double[] {4, 1, 3, 2}));
    assertEquals(Double.NaN, BenchStats.median(new double[0]));
  }

  @Test
  void spreadIsRangeOverMedian() {
    assertEquals(0.5, BenchStats.relativeSpread(new double[] {8, 10, 13}), 1e-12);
    assertEquals(0.0, BenchStats.relativeSpread(new double[] {7}), 1e-12);
  }

  @Test
  void ratiosArePairwise() {
    assertArrayEquals(
        new double[] {2, 0.5}, BenchStats.ratios(new double[] {4, 1}, new double[] {2, 2}));
    assertThrows(
        IllegalArgumentException.class, () -> BenchStats.ratios(new double[] {1}, new double[0]));
  }

  @Test
  void growthExponentRecoversAPowerLaw() {
    double[] x = {1e6, 5e6, 2e7};
    double[] linear = {10, 50, 200};
    double[] sqrt = {Math.sqrt(1e6), Math.sqrt(5e6), Math.sqrt(2e7)};
    assertEquals(1.0, BenchStats.growthExponent(x, linear), 1e-12);
    assertEquals(0.5, BenchStats.growthExponent(x, sqrt), 1e-12);
    // A constant cost does not grow at all.
    assertEquals(0.0, BenchStats.growthExponent(x, new double[] {3, 3, 3}), 1e-12);
  }

  @Test
  void growthExponentIsTheLeastSquaresSlope() {
    // log-log points (0,0), (1,1), (2,3) in base e: slope = 1.5 by least squares.
    double e = Math.E;
    double[] x = {1, e, e * e};
    double[] y = {1, e, Math.pow(e, 3)};
    assertEquals(1.5, BenchStats.growthExponent(x, y), 1e-12);
  }

  @Test
  void growthExponentRejectsDegenerateInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BenchStats.growthExponent(new double[] {1}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> BenchStats.growthExponent(new double[] {2, 2}, new double[] {1, 3}));
    assertThrows(
        IllegalArgumentException.class,
        () -> BenchStats.growthExponent(new double[] {1, 2}, new double[] {0, 3}));
  }
}
