package com.comborec.model.evaluation;

import com.comborec.metrics.RankingMetrics;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mean of {@link RankingMetrics} over evaluated users, on the driver: every user of {@code
 * relevant} counts, and one without a list scores 0. Coverage = distinct listed items / catalog.
 */
public final class ListMetrics {
  private ListMetrics() {}

  public static Metrics of(
      Map<String, List<String>> lists, Map<String, Set<String>> relevant, int k, long catalog) {
    if (relevant.isEmpty()) {
      return Metrics.none();
    }
    double ndcg = 0;
    double precision = 0;
    double recall = 0;
    double ap = 0;
    Set<String> listed = new HashSet<>();
    for (Map.Entry<String, Set<String>> e : relevant.entrySet()) {
      List<String> list = lists.getOrDefault(e.getKey(), List.of());
      List<String> top = list.subList(0, Math.min(k, list.size()));
      listed.addAll(top);
      ndcg += RankingMetrics.ndcgAtK(top, e.getValue(), k);
      precision += RankingMetrics.precisionAtK(top, e.getValue(), k);
      recall += RankingMetrics.recallAtK(top, e.getValue(), k);
      ap += RankingMetrics.averagePrecisionAtK(top, e.getValue(), k);
    }
    int n = relevant.size();
    double coverage = catalog == 0 ? 0 : listed.size() / (double) catalog;
    return new Metrics(ndcg / n, precision / n, recall / n, ap / n, coverage, n);
  }
}
