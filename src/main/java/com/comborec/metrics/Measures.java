package com.comborec.metrics;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.stream.LongStream;

/**
 * Exposure, bias and diversity measures in plain Java: the Spark wrappers in {@link
 * ExposureMetrics} compute the same arithmetic, and the tests check both against hand-computed
 * values. Formulas and conventions are written out in docs/responsible.md.
 */
public final class Measures {
  /** The "head": the most purchased 20% of catalog items; the rest is the long tail. */
  public static final double HEAD_SHARE = 0.2;

  /** An item nobody bought counts as bought half a time: one bit more novel than a single buy. */
  public static final double UNSEEN_PURCHASES = 0.5;

  private Measures() {}

  /** Distinct recommended catalog items / catalog size; 0 for an empty catalog. */
  public static double coverage(long distinctRecommended, long catalogSize) {
    return share(distinctRecommended, catalogSize);
  }

  /** part / whole, 0 when whole is 0. */
  public static double share(long part, long whole) {
    return whole == 0 ? 0.0 : part / (double) whole;
  }

  /**
   * Gini coefficient of exposures (one value per catalog item, items never shown = 0), standard
   * formula on ascending values x_1..x_n: G = 2 * sum(i * x_i) / (n * sum(x)) - (n + 1) / n. It is
   * 0 for equal exposure and (n - 1) / n when one item gets everything: [0,0,0,1] gives 0.75 (no n
   * / (n - 1) correction). 0 when there are no items or no exposures.
   */
  public static double gini(long[] exposures) {
    long[] sorted = exposures.clone();
    Arrays.sort(sorted);
    double weighted = 0;
    for (int i = 0; i < sorted.length; i++) {
      weighted += (i + 1) * (double) sorted[i];
    }
    return gini(weighted, sorted.length, LongStream.of(sorted).asDoubleStream().sum());
  }

  /**
   * The same Gini from a histogram: exposure value -> number of items with it (zeros included).
   * Items of equal value fill consecutive ranks p+1..p+c, so they add x * (c * p + c(c+1)/2).
   */
  public static double gini(SortedMap<Long, Long> itemsByExposure) {
    double weighted = 0;
    double total = 0;
    long position = 0;
    for (Map.Entry<Long, Long> e : itemsByExposure.entrySet()) {
      double x = e.getKey();
      double c = e.getValue();
      weighted += x * (c * position + c * (c + 1) / 2.0);
      total += x * c;
      position += e.getValue();
    }
    return gini(weighted, position, total);
  }

  private static double gini(double weighted, long n, double total) {
    if (n == 0 || total == 0) {
      return 0.0;
    }
    return 2.0 * weighted / (n * total) - (n + 1.0) / n;
  }

  /** Size of the head: ceil(20% of the catalog). */
  public static long headSize(long catalogSize) {
    return (long) Math.ceil(HEAD_SHARE * catalogSize);
  }

  /**
   * Self-information -log2 p(i) with p(i) = purchases(i) / all purchases of the window; an item
   * never bought counts {@link #UNSEEN_PURCHASES}. 0 when nothing was bought at all (no signal).
   */
  public static double selfInformation(long purchases, long totalPurchases) {
    if (totalPurchases <= 0) {
      return 0.0;
    }
    double bought = purchases > 0 ? purchases : UNSEEN_PURCHASES;
    return -Math.log(bought / totalPurchases) / Math.log(2);
  }

  /** Mean self-information over every recommended slot (each list position counts once). */
  public static double novelty(long[] purchasesPerSlot, long totalPurchases) {
    return LongStream.of(purchasesPerSlot)
        .mapToDouble(p -> selfInformation(p, totalPurchases))
        .average()
        .orElse(0.0);
  }

  /**
   * Intra-list diversity: the mean over the k(k-1)/2 item pairs of [category_i != category_j].
   * Empty for a list of fewer than 2 items, which has no pair and is left out of averages.
   */
  public static OptionalDouble intraListDiversity(List<String> categories) {
    int k = categories.size();
    if (k < 2) {
      return OptionalDouble.empty();
    }
    long different = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        different += categories.get(i).equals(categories.get(j)) ? 0 : 1;
      }
    }
    return OptionalDouble.of(different / (k * (k - 1) / 2.0));
  }

  /**
   * The same from category counts n_c of one list (what Spark aggregates): equal pairs are sum
   * n_c(n_c - 1)/2 of k(k-1)/2, so ILD = 1 - sum n_c(n_c - 1) / (k(k - 1)).
   */
  public static OptionalDouble intraListDiversityFromCounts(Collection<Long> countsPerCategory) {
    long k = countsPerCategory.stream().mapToLong(Long::longValue).sum();
    if (k < 2) {
      return OptionalDouble.empty();
    }
    double same = countsPerCategory.stream().mapToDouble(n -> n * (n - 1.0)).sum();
    return OptionalDouble.of(1.0 - same / (k * (k - 1.0)));
  }
}
