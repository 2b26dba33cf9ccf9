package com.comborec.publish.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model section: this run's offline metrics of every candidate next to the baselines, and line
 * charts of each metric over the recent runs, baselines dashed. Reads {@code
 * model.candidates.<name>.<metric>} and {@code model.baselines.<name>.<metric>}.
 */
final class ModelSection {
  static final List<String> METRICS =
      List.of("ndcg_at_k", "precision_at_k", "recall_at_k", "map_at_k", "coverage");
  private static final List<String> CHARTED =
      List.of("ndcg_at_k", "precision_at_k", "recall_at_k", "map_at_k");

  private ModelSection() {}

  static String render(Map<String, Object> current, List<Map<String, Object>> runs) {
    Map<String, Object> model = Manifests.map(current, "model");
    if (model.isEmpty() && names(runs, "candidates").isEmpty()) {
      return Html.section(
          "model", "Model", Html.note("No model figures in this run (no model stage yet)."));
    }
    StringBuilder b = new StringBuilder(facts(current));
    b.append(metricsTable(current));
    b.append(cutoffTable(current));
    b.append(importances(current));
    for (String metric : CHARTED) {
      chart(runs, metric).ifPresent(b::append);
    }
    return Html.section("model", "Model", b.toString());
  }

  private static String facts(Map<String, Object> m) {
    List<List<String>> rows = new ArrayList<>();
    for (String key :
        List.of(
            "serving",
            "serving_list",
            "serving_ndcg_at_k",
            "reason",
            "eval.k",
            "eval.forward_days",
            "gate.status",
            "gate.previous_run_date",
            "gate.previous_ndcg_at_k",
            "note")) {
      Object v = Manifests.get(m, "model." + key);
      if (v != null) {
        rows.add(List.of(Html.escape(key), Html.cell(v)));
      }
    }
    return rows.isEmpty() ? "" : Html.facts(rows);
  }

  private static String metricsTable(Map<String, Object> m) {
    List<List<String>> rows = new ArrayList<>();
    for (String kind : List.of("candidates", "baselines")) {
      Manifests.map(m, "model." + kind)
          .forEach(
              (name, v) -> {
                String what = kind.equals("baselines") ? "baseline" : "candidate";
                List<String> row = new ArrayList<>(List.of(Html.escape(name), what));
                METRICS.forEach(metric -> row.add(Html.cell(figure(m, kind, name, metric))));
                row.add(Html.cell(figure(m, kind, name, "users_evaluated")));
                rows.add(row);
              });
    }
    if (rows.isEmpty()) {
      return Html.note("No offline metrics in this run.");
    }
    List<String> header = new ArrayList<>(List.of("model", "kind"));
    header.addAll(METRICS);
    header.add("users evaluated");
    return Html.table(header, rows);
  }

  /**
   * NDCG@K of every measured list at each cutoff (columns), the served list marked: what the
   * serving rule saw.
   */
  static String cutoffTable(Map<String, Object> m) {
    Map<String, Object> cutoffs = Manifests.map(m, "model.cutoffs");
    if (cutoffs.isEmpty()) {
      return "";
    }
    Set<String> days = new LinkedHashSet<>();
    cutoffs
        .values()
        .forEach(v -> days.addAll(((Map<?, ?>) v).keySet().stream().map(String::valueOf).toList()));
    Object served = Manifests.get(m, "model.serving_list");
    List<List<String>> rows = new ArrayList<>();
    cutoffs.forEach(
        (list, v) -> {
          List<String> row =
              new ArrayList<>(
                  List.of(Html.escape(list.equals(served) ? list + " (served)" : list)));
          // By map, not by dotted path: list names such as blend_0.25 hold a dot.
          Map<?, ?> byDay = (Map<?, ?>) v;
          days.forEach(
              d ->
                  row.add(
                      Html.cell(byDay.get(d) instanceof Map<?, ?> f ? f.get("ndcg_at_k") : null)));
          rows.add(row);
        });
    List<String> header = new ArrayList<>(List.of("NDCG@K at cutoff"));
    header.addAll(days);
    return "<h3>Options at the recent cutoffs</h3>\n" + Html.table(header, rows);
  }

  /** The ranker's feature importances, largest first. */
  static String importances(Map<String, Object> m) {
    Map<String, Object> values = Manifests.map(m, "model.ranker.importances");
    if (values.isEmpty()) {
      return "";
    }
    List<Map.Entry<String, Object>> sorted = new ArrayList<>(values.entrySet());
    sorted.sort(
        (a, b) ->
            Double.compare(
                ((Number) b.getValue()).doubleValue(), ((Number) a.getValue()).doubleValue()));
    List<List<String>> rows = new ArrayList<>();
    sorted.forEach(e -> rows.add(List.of(Html.escape(e.getKey()), Html.cell(e.getValue()))));
    return "<h3>Ranker feature importances</h3>\n"
        + Html.table(List.of("feature", "importance"), rows);
  }

  private static java.util.Optional<String> chart(List<Map<String, Object>> runs, String metric) {
    List<SvgCharts.Series> series = new ArrayList<>();
    for (String kind : List.of("candidates", "baselines")) {
      for (String name : names(runs, kind)) {
        List<Double> values =
            runs.stream()
                .map(
                    r -> figure(r, kind, name, metric) instanceof Number n ? n.doubleValue() : null)
                .toList();
        if (values.stream().anyMatch(v -> v != null)) {
          series.add(new SvgCharts.Series(name, values, kind.equals("baselines")));
        }
      }
    }
    if (series.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<String> days = runs.stream().map(r -> String.valueOf(r.get("run_date"))).toList();
    String title = metric + " over the last " + runs.size() + " run(s)";
    return java.util.Optional.of(
        "<figure>"
            + SvgCharts.lineChart(title, days, series, 720, 240)
            + "<figcaption>"
            + Html.escape(title)
            + "</figcaption></figure>\n");
  }

  /**
   * {@code model.<kind>.<name>.<metric>} by map: names such as blend_0.25 hold a dot, which a
   * dotted path would split.
   */
  static Object figure(Map<String, Object> m, String kind, String name, String metric) {
    Object list = Manifests.map(m, "model." + kind).get(name);
    return list instanceof Map<?, ?> f ? f.get(metric) : null;
  }

  /** Every candidate (or baseline) name any run reports, in first-seen order. */
  private static Set<String> names(List<Map<String, Object>> runs, String kind) {
    Set<String> out = new LinkedHashSet<>();
    runs.forEach(r -> out.addAll(Manifests.map(r, "model." + kind).keySet()));
    return out;
  }
}
