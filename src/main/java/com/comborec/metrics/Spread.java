package com.comborec.metrics;

import java.util.Collection;

/**
 * How far apart groups (segments) are on one figure: the worst and best group means, their
 * difference, and worst / best (1 = parity; 1 also when every group scores 0, nothing to compare).
 */
public record Spread(double worst, double best) {

  public static Spread of(Collection<Double> groupMeans) {
    if (groupMeans.isEmpty()) {
      return new Spread(0.0, 0.0);
    }
    double min = groupMeans.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = groupMeans.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return new Spread(min, max);
  }

  public double range() {
    return best - worst;
  }

  public double ratio() {
    return best == 0 ? 1.0 : worst / best;
  }
}
