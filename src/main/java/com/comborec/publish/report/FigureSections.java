package com.comborec.publish.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's figure sections: segment sizes, bundles, feedback, every other figure, and the
 * config.
 */
final class FigureSections {
  /** Top-level manifest keys that other sections render. */
  static final Set<String> RENDERED_ELSEWHERE =
      Set.of(
          "schema_version",
          "run_date",
          "run_id",
          "status",
          "exit_code",
          "message",
          "partial",
          "started_at",
          "ended_at",
          "inputs",
          "outputs",
          "stages",
          "config",
          "model",
          "segment",
          "bundle",
          "feedback");

  private static final int MAX_BUNDLE_ROWS = 60;

  private FigureSections() {}

  /**
   * Users per segment: from the day's segment_profiles rows (id and label) when given, else from
   * the manifest's {@code segment.sizes}; then the other segment figures.
   */
  static String segments(Map<String, Object> m, List<Map<String, Object>> profiles) {
    Map<String, Object> seg = Manifests.map(m, "segment");
    if (seg.isEmpty() && profiles.isEmpty()) {
      return Html.section("segments", "Segments", Html.note("No segment figures in this run."));
    }
    List<String> labels = new ArrayList<>();
    List<Double> sizes = new ArrayList<>();
    if (!profiles.isEmpty()) {
      profiles.forEach(
          p -> {
            labels.add(p.get("segment_id") + " \u00b7 " + p.get("label"));
            sizes.add(Manifests.toDouble(p.get("users")));
          });
    } else if (seg.get("sizes") instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        labels.add("sizes[" + i + "]");
        sizes.add(Manifests.toDouble(list.get(i)));
      }
    }
    StringBuilder b = new StringBuilder();
    if (!labels.isEmpty()) {
      b.append(SvgCharts.barChart("Users per segment", labels, sizes, 900));
    }
    Map<String, Object> rest = new java.util.LinkedHashMap<>(seg);
    rest.remove("sizes");
    b.append(keyValues(Manifests.flatten(rest, "segment")));
    return Html.section("segments", "Segments", b.toString());
  }

  /** The day's bundles as read from the published table, else the bundle stage's figures. */
  static String bundles(Map<String, Object> m, List<Map<String, Object>> rows) {
    Map<String, Object> figures = Manifests.flatten(Manifests.map(m, "bundle"), "bundle");
    if (rows.isEmpty() && figures.isEmpty()) {
      return Html.section("bundles", "Bundles", Html.note("No bundles in this run."));
    }
    StringBuilder b = new StringBuilder();
    if (!rows.isEmpty()) {
      List<List<String>> cells = new ArrayList<>();
      rows.stream().limit(MAX_BUNDLE_ROWS).forEach(r -> cells.add(bundleRow(r)));
      b.append(
          Html.table(
              List.of(
                  "segment",
                  "rank",
                  "items",
                  "list price",
                  "bundle price",
                  "discount",
                  "expected margin",
                  "affinity",
                  "solver"),
              cells));
      if (rows.size() > MAX_BUNDLE_ROWS) {
        b.append(Html.note("First " + MAX_BUNDLE_ROWS + " of " + rows.size() + " bundles."));
      }
    }
    b.append(keyValues(figures));
    return Html.section("bundles", "Bundles", b.toString());
  }

  private static List<String> bundleRow(Map<String, Object> r) {
    List<String> items = new ArrayList<>();
    if (r.get("items") instanceof List<?> list) {
      for (Object o : list) {
        Map<?, ?> item = o instanceof Map<?, ?> map ? map : Map.of();
        Object title = item.get("title") == null ? item.get("item_id") : item.get("title");
        items.add(
            Html.escape(title)
                + " <span class=\"dim\">"
                + Html.money(item.get("price"))
                + "</span>");
      }
    }
    return List.of(
        Html.cell(r.get("segment_id")),
        Html.cell(r.get("rank")),
        String.join("<br>", items),
        Html.money(r.get("list_price")),
        Html.money(r.get("bundle_price")),
        Html.percent(r.get("discount_rate")),
        Html.money(r.get("expected_margin")),
        Html.cell(r.get("affinity")),
        Html.escape(r.get("solver_status")));
  }

  /**
   * The previous run's performance on the run day's feedback: a table per surface and strategy
   * (impressions, clicks, CTR, add-to-cart rate, conversion, dismissals), then the other figures.
   */
  static String feedback(Map<String, Object> m) {
    Map<String, Object> tree = Manifests.map(m, "feedback");
    if (tree.isEmpty()) {
      return Html.section("feedback", "Feedback", Html.note("No feedback figures in this run."));
    }
    List<List<String>> cells = new ArrayList<>();
    Map<String, Object> rest = new java.util.LinkedHashMap<>();
    tree.forEach(
        (surface, v) -> {
          if (!(v instanceof Map<?, ?>)) {
            rest.put("feedback." + surface, v);
            return;
          }
          Map<String, Object> strategies = Manifests.map(tree, surface);
          strategies.forEach(
              (strategy, g) -> {
                if (g instanceof Map<?, ?>) {
                  cells.add(feedbackRow(surface, strategy, Manifests.map(strategies, strategy)));
                } else {
                  rest.put("feedback." + surface + "." + strategy, g);
                }
              });
        });
    String table =
        cells.isEmpty()
            ? Html.note("No feedback matched the previous run's outputs.")
            : Html.table(
                List.of(
                    "surface",
                    "strategy",
                    "impressions",
                    "clicks",
                    "CTR",
                    "add-to-cart rate",
                    "conversion",
                    "dismissals"),
                cells);
    return Html.section("feedback", "Feedback", table + keyValues(rest));
  }

  private static List<String> feedbackRow(String surface, String strategy, Map<String, Object> g) {
    return List.of(
        Html.escape(surface),
        Html.escape(strategy),
        Html.cell(g.get("impressions")),
        Html.cell(g.get("clicks")),
        Html.percent(g.get("ctr")),
        Html.percent(g.get("add_to_cart_rate")),
        Html.percent(g.get("conversion")),
        Html.cell(g.get("dismissals")));
  }

  /** Figures of stages the report has no dedicated section for (combos, features, gates ...). */
  static String other(Map<String, Object> m) {
    Map<String, Object> rest = new java.util.LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (!RENDERED_ELSEWHERE.contains(k)) {
            rest.put(k, v);
          }
        });
    Map<String, Object> flat = Manifests.flatten(rest, "");
    return flat.isEmpty() ? "" : Html.section("figures", "Other figures", keyValues(flat));
  }

  static String config(Map<String, Object> m) {
    Map<String, Object> cfg = Manifests.map(m, "config");
    if (cfg.isEmpty()) {
      return "";
    }
    return Html.section(
        "config",
        "Configuration",
        "<details><summary>"
            + cfg.size()
            + " effective values</summary>\n"
            + keyValues(cfg)
            + "</details>\n");
  }

  static String keyValues(Map<String, Object> values) {
    if (values.isEmpty()) {
      return "";
    }
    List<List<String>> rows = new ArrayList<>();
    values.forEach((k, v) -> rows.add(List.of("<code>" + Html.escape(k) + "</code>", value(v))));
    return Html.table(List.of("figure", "value"), rows);
  }

  private static String value(Object v) {
    if (v instanceof List<?> list) {
      String joined = String.join(", ", list.stream().map(Html::number).toList());
      return Html.escape(joined.length() > 300 ? joined.substring(0, 300) + " ..." : joined);
    }
    return Html.cell(v);
  }
}
