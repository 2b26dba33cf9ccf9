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
            "serving_ndcg_at_k",
            "eval.k",
            "eval.holdout_days",
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
                METRICS.forEach(
                    metric ->
                        row.add(
                            Html.cell(
                                Manifests.get(m, "model." + kind + "." + name + "." + metric))));
                row.add(
                    Html.cell(Manifests.get(m, "model." + kind + "." + name + ".users_evaluated")));
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

  private static java.util.Optional<String> chart(List<Map<String, Object>> runs, String metric) {
    List<SvgCharts.Series> series = new ArrayList<>();
    for (String kind : List.of("candidates", "baselines")) {
      for (String name : names(runs, kind)) {
        List<Double> values =
            runs.stream()
                .map(r -> Manifests.number(r, "model." + kind + "." + name + "." + metric))
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

  /** Every candidate (or baseline) name any run reports, in first-seen order. */
  private static Set<String> names(List<Map<String, Object>> runs, String kind) {
    Set<String> out = new LinkedHashSet<>();
    runs.forEach(r -> out.addAll(Manifests.map(r, "model." + kind).keySet()));
    return out;
  }
}
