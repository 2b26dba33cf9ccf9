package com.comborec.combos;

/**
 * The two similarity measures, in [0, 1] for the non-negative feature vectors built here. {@code
 * distance} is the brief's 1 - ||x - y|| / (||x|| + ||y||): 1 for identical vectors, and by the
 * triangle inequality never below 0. {@code cosine} is x.y / (||x|| ||y||).
 */
public final class Similarity {
  private Similarity() {}

  /** From dense vectors; the reference the indexed search is tested against. */
  public static double of(double[] x, double[] y, boolean cosine) {
    double dot = 0;
    double xx = 0;
    double yy = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * y[i];
      xx += x[i] * x[i];
      yy += y[i] * y[i];
    }
    return cosine
        ? cosine(Math.sqrt(xx), Math.sqrt(yy), dot)
        : distance(x, y, Math.sqrt(xx), Math.sqrt(yy));
  }

  /** From the norms and the dot product, which is all the indexed search accumulates. */
  public static double fromDot(double normX, double normY, double dot, boolean cosine) {
    if (cosine) {
      return cosine(normX, normY, dot);
    }
    // ||x - y||^2 = ||x||^2 + ||y||^2 - 2 x.y; rounding can make it slightly negative.
    double squared = Math.max(0.0, normX * normX + normY * normY - 2 * dot);
    return ratio(Math.sqrt(squared), normX + normY);
  }

  private static double distance(double[] x, double[] y, double normX, double normY) {
    double squared = 0;
    for (int i = 0; i < x.length; i++) {
      squared += (x[i] - y[i]) * (x[i] - y[i]);
    }
    return ratio(Math.sqrt(squared), normX + normY);
  }

  /** 1 - distance / (sum of norms); two empty vectors share nothing known, so 0. */
  private static double ratio(double distance, double normSum) {
    return normSum == 0 ? 0.0 : clamp(1.0 - distance / normSum);
  }

  private static double cosine(double normX, double normY, double dot) {
    return normX == 0 || normY == 0 ? 0.0 : clamp(dot / (normX * normY));
  }

  private static double clamp(double s) {
    return Math.min(1.0, Math.max(0.0, s));
  }
}
