package com.comborec.cli;

import java.util.List;
import java.util.Map;

/** Renders a manifest as a short plain-text summary for the terminal. */
public final class RunSummary {
  private RunSummary() {}

  @SuppressWarnings("unchecked")
  public static String render(Map<String, Object> m) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "run %s  status %s  (exit %s)%n",
            m.get("run_date"), m.get("status"), m.get("exit_code")));
    b.append(String.format("  %s%n", m.get("message")));
    b.append(String.format("  started %s  ended %s%n", m.get("started_at"), m.get("ended_at")));
    b.append("stages:\n");
    for (Map<String, Object> s : (List<Map<String, Object>>) m.getOrDefault("stages", List.of())) {
      b.append(
          String.format(
              "  %-12s %8.1f s  %s%n",
              s.get("name"), ((Number) s.get("seconds")).doubleValue(), s.get("status")));
    }
    if (m.get("inputs") instanceof Map<?, ?> inputs) {
      b.append("inputs:                read   accepted   rejected  reasons\n");
      inputs.forEach(
          (source, v) -> {
            Map<String, Object> c = (Map<String, Object>) v;
            b.append(
                String.format(
                    "  %-12s %10s %10s %10s  %s%n",
                    source,
                    c.getOrDefault("read", "-"),
                    c.getOrDefault("accepted", "-"),
                    c.getOrDefault("rejected", "-"),
                    c.getOrDefault("rejected_by_reason", c.getOrDefault("status", ""))));
          });
    }
    if (m.get("outputs") instanceof Map<?, ?> outputs) {
      b.append("outputs:\n");
      outputs.forEach(
          (table, v) ->
              b.append(
                  String.format(
                      "  %-28s %10s rows%n", table, ((Map<String, Object>) v).get("rows"))));
    }
    return b.toString();
  }
}
