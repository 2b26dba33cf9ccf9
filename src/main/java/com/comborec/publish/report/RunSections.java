package com.comborec.publish.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's run sections: status, stage timings, input counts with reject reasons, outputs. */
final class RunSections {
  private RunSections() {}

  static String header(Map<String, Object> m) {
    String status = String.valueOf(m.getOrDefault("status", "unknown"));
    String cls = status.equals("published") ? "ok" : status.startsWith("refused") ? "warn" : "bad";
    StringBuilder b =
        new StringBuilder("<header><h1>comborec run ")
            .append(Html.escape(m.get("run_date")))
            .append(" <span class=\"badge ")
            .append(cls)
            .append("\">")
            .append(Html.escape(status))
            .append("</span></h1>\n");
    b.append("<p class=\"message\">").append(Html.escape(m.get("message"))).append("</p>\n");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("exit code", Html.cell(m.get("exit_code"))));
    if (m.get("failed_stage") != null) {
      rows.add(List.of("failed in stage", Html.escape(m.get("failed_stage"))));
    }
    if (m.get("root_cause") != null) {
      rows.add(List.of("root cause", Html.escape(m.get("root_cause"))));
    }
    rows.add(List.of("started", Html.escape(m.get("started_at"))));
    rows.add(List.of("ended", Html.escape(m.get("ended_at"))));
    rows.add(List.of("duration", Html.escape(duration(m))));
    rows.add(List.of("run id", Html.escape(m.get("run_id"))));
    rows.add(List.of("schema version", Html.escape(m.get("schema_version"))));
    if (Boolean.TRUE.equals(m.get("partial"))) {
      rows.add(List.of("partial", "yes: some stages only; LATEST did not move"));
    }
    if (Manifests.get(m, "model.version") != null) {
      rows.add(List.of("model version", Html.escape(Manifests.get(m, "model.version"))));
    }
    return b.append(Html.facts(rows)).append("</header>\n").toString();
  }

  static String duration(Map<String, Object> m) {
    try {
      Duration d =
          Duration.between(
              Instant.parse(String.valueOf(m.get("started_at"))),
              Instant.parse(String.valueOf(m.get("ended_at"))));
      return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  static String stages(Map<String, Object> m) {
    List<?> stages = Manifests.list(m, "stages");
    if (stages.isEmpty()) {
      return Html.section(
          "stages", "Stages", Html.note("No stage ran (the run stopped before its first stage)."));
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (Object o : stages) {
      @SuppressWarnings("unchecked")
      Map<String, Object> s = o instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
      rows.add(
          List.of(
              Html.escape(s.get("name")),
              seconds(s.get("seconds")),
              statusCell(s.get("status")),
              Html.escape(s.get("started_at"))));
      labels.add(String.valueOf(s.get("name")));
      seconds.add(Manifests.toDouble(s.get("seconds")));
    }
    String body =
        Html.table(List.of("stage", "seconds", "status", "started"), rows)
            + SvgCharts.barChart("Stage durations (s)", labels, seconds, 720);
    return Html.section("stages", "Stages", body);
  }

  private static String seconds(Object v) {
    return v instanceof Number n
        ? String.format(Locale.ROOT, "%.1f", n.doubleValue())
        : Html.cell(v);
  }

  private static String statusCell(Object status) {
    String s = String.valueOf(status);
    return "<span class=\""
        + (s.equals("ok") ? "pass" : "fail")
        + "\">"
        + Html.escape(s)
        + "</span>";
  }

  static String inputs(Map<String, Object> m) {
    Map<String, Object> inputs = Manifests.map(m, "inputs");
    if (inputs.isEmpty()) {
      return Html.section("inputs", "Inputs", Html.note("No input counts in this manifest."));
    }
    List<List<String>> rows = new ArrayList<>();
    inputs.forEach((source, v) -> rows.add(inputRow(source, Manifests.map(inputs, source))));
    String head =
        "<p>Rows read, accepted into the validated store, and quarantined in "
            + "<code>rejects/&lt;source&gt;/</code> with a reason code.</p>\n";
    return Html.section(
        "inputs",
        "Inputs",
        head
            + Html.table(
                List.of(
                    "source",
                    "read",
                    "accepted",
                    "rejected",
                    "rejected %",
                    "reasons",
                    "partitions",
                    "extra columns"),
                rows));
  }

  private static List<String> inputRow(String source, Map<String, Object> c) {
    if (c.containsKey("status") && !c.containsKey("read")) {
      return List.of(Html.escape(source), "", "", "", "", Html.escape(c.get("status")), "", "");
    }
    Double read = Manifests.toDouble(c.get("read"));
    Double rejected = Manifests.toDouble(c.get("rejected"));
    String ratio =
        read == null || rejected == null || read == 0
            ? ""
            : String.format(Locale.ROOT, "%.2f%%", 100 * rejected / read);
    return List.of(
        Html.escape(source),
        Html.cell(c.get("read")),
        Html.cell(c.get("accepted")),
        Html.cell(c.get("rejected")),
        ratio,
        reasons(Manifests.map(c, "rejected_by_reason")),
        Html.cell(Manifests.list(c, "partitions").size()),
        Html.escape(keys(Manifests.map(c, "extra_columns"))));
  }

  private static String reasons(Map<String, Object> byReason) {
    List<String> parts = new ArrayList<>();
    byReason.forEach(
        (reason, n) -> parts.add("<code>" + Html.escape(reason) + "</code> " + Html.cell(n)));
    return String.join(", ", parts);
  }

  private static String keys(Map<String, Object> map) {
    return String.join(", ", map.keySet());
  }

  static String outputs(Map<String, Object> m) {
    Map<String, Object> outputs = Manifests.map(m, "outputs");
    if (outputs.isEmpty()) {
      return Html.section("outputs", "Outputs", Html.note("No table was staged in this run."));
    }
    List<List<String>> rows = new ArrayList<>();
    outputs.forEach(
        (table, v) -> {
          Map<String, Object> t = Manifests.map(outputs, table);
          rows.add(
              List.of(
                  Html.escape(table),
                  Html.cell(t.get("rows")),
                  Html.cell(t.get("files")),
                  Html.escape(t.get("committed")),
                  Html.escape(t.get("path"))));
        });
    return Html.section(
        "outputs",
        "Outputs",
        Html.table(List.of("table", "rows", "files", "committed", "path"), rows));
  }
}
