package com.comborec.metrics;

import java.util.List;
import java.util.Set;

/**
 * Top-K ranking metrics with binary relevance, on one user's ranked list. Plain Java, so Spark and
 * the tests use the very same arithmetic. Only the first K entries of a list count; a list shorter
 * than K is not padded (its missing slots are misses). A user with no relevant item scores 0
 * everywhere; evaluation never includes such users.
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /** Relevant items among the first K, divided by K (not by the list length). */
  public static double precisionAtK(List<String> ranked, Set<String> relevant, int k) {
    return hits(ranked, relevant, k) / (double) k;
  }

  /** Relevant items among the first K, divided by the number of relevant items. */
  public static double recallAtK(List<String> ranked, Set<String> relevant, int k) {
    return relevant.isEmpty() ? 0.0 : hits(ranked, relevant, k) / (double) relevant.size();
  }

  /**
   * DCG / ideal DCG: a hit at 1-based position i gains 1 / log2(i + 1); the ideal list has min(K,
   * |relevant|) hits on top.
   */
  public static double ndcgAtK(List<String> ranked, Set<String> relevant, int k) {
    double dcg = 0;
    int n = Math.min(k, ranked.size());
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranked.get(i))) {
        dcg += discount(i + 1);
      }
    }
    double ideal = 0;
    for (int i = 1; i <= Math.min(k, relevant.size()); i++) {
      ideal += discount(i);
    }
    return ideal == 0 ? 0.0 : dcg / ideal;
  }

  /** Sum of precision@i at each hit position i <= K, divided by min(K, |relevant|). */
  public static double averagePrecisionAtK(List<String> ranked, Set<String> relevant, int k) {
    int denominator = Math.min(k, relevant.size());
    if (denominator == 0) {
      return 0.0;
    }
    double sum = 0;
    int hits = 0;
    int n = Math.min(k, ranked.size());
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranked.get(i))) {
        hits++;
        sum += hits / (double) (i + 1);
      }
    }
    return sum / denominator;
  }

  static int hits(List<String> ranked, Set<String> relevant, int k) {
    int hits = 0;
    int n = Math.min(k, ranked.size());
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranked.get(i))) {
        hits++;
      }
    }
    return hits;
  }

  private static double discount(int position) {
    return 1.0 / (Math.log(position + 1) / Math.log(2));
  }
}
