package com.comborec.model;

import java.util.List;
import java.util.Map;

/**
 * Which candidate serves: the pinned one ({@code model.serving}), else the best NDCG@K. Ties go to
 * the simpler candidate (popular, then cooccurrence, als, blend): added complexity has to earn its
 * place. "popular" is measured by the global_popular baseline.
 */
public final class ServingChoice {
  /** Candidates in order of simplicity; a later one must be strictly better to win. */
  static final List<String> BY_SIMPLICITY =
      List.of(Candidates.POPULAR, Candidates.COOCCURRENCE, Candidates.ALS, Candidates.BLEND);

  static final List<String> LEARNED =
      List.of(Candidates.ALS, Candidates.COOCCURRENCE, Candidates.BLEND);

  /** What serves when nothing could be evaluated (no user bought anything new in the holdout). */
  static final String UNEVALUATED_DEFAULT = Candidates.ALS;

  private ServingChoice() {}

  /** The serving candidate given the configured option (auto or a name) and the metrics. */
  public static String choose(String configured, Map<String, Metrics> metrics) {
    if (!"auto".equals(configured)) {
      return configured;
    }
    if (!metrics(Candidates.ALS, metrics).evaluated()) {
      return UNEVALUATED_DEFAULT;
    }
    String best = null;
    for (String name : BY_SIMPLICITY) {
      if (best == null || metrics(name, metrics).ndcg() > metrics(best, metrics).ndcg()) {
        best = name;
      }
    }
    return best;
  }

  /** A serving candidate's metrics; popular is the global_popular baseline. */
  public static Metrics metrics(String serving, Map<String, Metrics> metrics) {
    String key = Candidates.POPULAR.equals(serving) ? Candidates.GLOBAL_POPULAR : serving;
    return metrics.getOrDefault(key, Metrics.none());
  }

  /** A plain sentence when no learned candidate beats global (or segment) popularity, else null. */
  public static String note(Map<String, Metrics> metrics, int k) {
    Metrics popular = metrics(Candidates.POPULAR, metrics);
    if (!popular.evaluated()) {
      return "no user bought a new item in the holdout period: candidates were not compared";
    }
    String bestName = null;
    for (String name : LEARNED) {
      if (bestName == null || metrics(name, metrics).ndcg() > metrics(bestName, metrics).ndcg()) {
        bestName = name;
      }
    }
    double best = metrics(bestName, metrics).ndcg();
    if (best > popular.ndcg()) {
      return segmentNote(metrics, best, bestName, k);
    }
    return String.format(
        "no learned candidate beats global popularity: best learned NDCG@%d is %s"
            + " (%s) against %s for global_popular",
        k, fmt(best), bestName, fmt(popular.ndcg()));
  }

  /** Segment popularity is a fallback, not a serving option, but beating it is worth saying. */
  private static String segmentNote(
      Map<String, Metrics> metrics, double best, String bestName, int k) {
    Metrics segment = metrics.get(Candidates.SEGMENT_POPULAR);
    if (segment == null || best > segment.ndcg()) {
      return null;
    }
    return String.format(
        "no learned candidate beats segment popularity: best learned NDCG@%d is %s"
            + " (%s) against %s for segment_popular",
        k, fmt(best), bestName, fmt(segment.ndcg()));
  }

  static String fmt(double v) {
    return String.format("%.4f", v);
  }
}
