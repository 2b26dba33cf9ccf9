package com.comborec.generate;

/**
 * Cumulative-weight helpers: build once, then draw by binary search (deterministic, no tables to
 * shuffle).
 */
final class Sampling {
  private Sampling() {}

  /** Running sums of the weights; entry i is the total of weights 0..i. */
  static double[] cumulative(double[] weights) {
    double[] out = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      out[i] = sum;
    }
    return out;
  }

  /**
   * The first index in [from, to) whose cumulative value exceeds x; x is measured on the same scale
   * as the array (callers offset it by the slice's base when searching a slice).
   */
  static int search(double[] cumulative, int from, int to, double x) {
    int lo = from;
    int hi = to - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Splits total into parts proportional to the weights, rounding so the parts add up exactly. */
  static long[] apportion(long total, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    long[] out = new long[weights.length];
    long given = 0;
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      long upTo = Math.round(total * acc / sum);
      out[i] = upTo - given;
      given = upTo;
    }
    return out;
  }
}
