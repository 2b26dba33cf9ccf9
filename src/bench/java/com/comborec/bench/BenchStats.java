package com.comborec.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Summaries for the benchmark mains: median, spread and the growth exponent. Pure functions, no
 * Spark, so they are unit-tested; the timings themselves never are.
 */
public final class BenchStats {
  private BenchStats() {}

  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  public static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  public static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  /** (max - min) / median: 0.1 means the runs lie within 10% of the median's size. */
  public static double relativeSpread(double[] values) {
    double m = median(values);
    return m == 0 ? Double.NaN : (max(values) - min(values)) / m;
  }

  /** Element-wise a[i] / b[i]: the ratio of each side-by-side pair of runs. */
  public static double[] ratios(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("ratios need pairs: " + a.length + " vs " + b.length);
    }
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] / b[i];
    }
    return out;
  }

  /**
   * The least-squares slope of log(y) on log(x): y grows like x^slope. Needs at least two distinct
   * x values; every x and y must be positive.
   */
  public static double growthExponent(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("need at least two (x, y) pairs");
    }
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      if (x[i] <= 0 || y[i] <= 0) {
        throw new IllegalArgumentException("x and y must be positive");
      }
      mx += Math.log(x[i]) / n;
      my += Math.log(y[i]) / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(x[i]) - mx;
      sxy += dx * (Math.log(y[i]) - my);
      sxx += dx * dx;
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("x values must not all be equal");
    }
    return sxy / sxx;
  }

  /** The figures of one measured quantity, in the order the JSON and the tables show them. */
  public static Map<String, Object> summary(double[] values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runs", round(values));
    m.put("median", round(median(values)));
    m.put("min", round(min(values)));
    m.put("max", round(max(values)));
    m.put("spread", round(relativeSpread(values)));
    return m;
  }

  static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
  }

  static double[] round(double[] values) {
    return Arrays.stream(values).map(BenchStats::round).toArray();
  }
}
