package com.comborec.model.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The backtest's rows as a Markdown table (NDCG@K per list, mean, worst) and as CSV. */
public final class BacktestTable {
  private BacktestTable() {}

  /** Every list that appears in any row, in first-seen order. */
  static List<String> lists(List<Backtest.Row> rows) {
    Set<String> out = new LinkedHashSet<>();
    rows.forEach(r -> out.addAll(r.lists().keySet()));
    return new ArrayList<>(out);
  }

  /**
   * NDCG@K of every list at every cutoff, then the best baseline, the served option, its NDCG and
   * served / best; a mean row (and the ratio of the means) and a worst row.
   */
  public static String markdown(List<Backtest.Row> rows, int k) {
    List<String> lists = lists(rows);
    StringBuilder out = new StringBuilder();
    out.append("| cutoff | users | ");
    lists.forEach(l -> out.append(l).append(" | "));
    out.append("best baseline | served | served NDCG@").append(k).append(" | served / best |\n");
    out.append("|---|---:|").append("---:|".repeat(lists.size())).append("---|---|---:|---:|\n");
    double servedSum = 0;
    double bestSum = 0;
    double worstRatio = Double.POSITIVE_INFINITY;
    for (Backtest.Row r : rows) {
      out.append("| ").append(r.cutoff()).append(" | ").append(r.users()).append(" | ");
      lists.forEach(l -> out.append(fmt(ndcg(r, l))).append(" | "));
      String best = r.bestBaseline();
      double served = r.servedMetrics().ndcg();
      double bestNdcg = ndcg(r, best);
      double ratio = bestNdcg == 0 ? Double.NaN : served / bestNdcg;
      if (!Double.isNaN(ratio)) { // Math.min would let one unmeasurable cutoff hide the rest
        worstRatio = Math.min(worstRatio, ratio);
      }
      servedSum += served;
      bestSum += bestNdcg;
      out.append(best).append(' ').append(fmt(bestNdcg)).append(" | ").append(r.served());
      out.append(" | ").append(fmt(served)).append(" | ").append(ratio(ratio)).append(" |\n");
    }
    out.append("| mean | | ");
    lists.forEach(l -> out.append(fmt(mean(rows, l))).append(" | "));
    out.append(fmt(bestSum / rows.size())).append(" | | ").append(fmt(servedSum / rows.size()));
    out.append(" | ").append(ratio(bestSum == 0 ? Double.NaN : servedSum / bestSum)).append(" |\n");
    out.append("| worst | | ");
    lists.forEach(l -> out.append(fmt(worst(rows, l))).append(" | "));
    out.append(" | | | ")
        .append(ratio(Double.isInfinite(worstRatio) ? Double.NaN : worstRatio))
        .append(" |\n");
    return out.toString();
  }

  /** cutoff,list,ndcg,precision,recall,map,coverage,users,served (served: 1 on the served row). */
  public static String csv(List<Backtest.Row> rows, int k) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "cutoff,list,ndcg_at_%d,precision_at_%d,recall_at_%d,map_at_%d,coverage,users,served%n",
                k,
                k,
                k,
                k));
    for (Backtest.Row r : rows) {
      r.lists()
          .forEach(
              (list, m) ->
                  out.append(
                      String.format(
                          Locale.ROOT,
                          "%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f,%d,%d%n",
                          r.cutoff(),
                          list,
                          m.ndcg(),
                          m.precision(),
                          m.recall(),
                          m.map(),
                          m.coverage(),
                          m.users(),
                          list.equals(r.served()) ? 1 : 0)));
    }
    return out.toString();
  }

  private static double ndcg(Backtest.Row r, String list) {
    Metrics m = r.lists().get(list);
    return m == null ? Double.NaN : m.ndcg();
  }

  private static double mean(List<Backtest.Row> rows, String list) {
    return rows.stream().mapToDouble(r -> ndcg(r, list)).average().orElse(Double.NaN);
  }

  private static double worst(List<Backtest.Row> rows, String list) {
    return rows.stream().mapToDouble(r -> ndcg(r, list)).min().orElse(Double.NaN);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3fx", v);
  }
}
