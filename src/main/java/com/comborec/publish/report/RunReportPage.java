package com.comborec.publish.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a run's manifest as one self-contained HTML page: inline CSS and SVG, no script, no
 * external asset, so it reads offline and from any file share. Pure: a manifest, the earlier runs'
 * manifests and the day's bundle rows in, a String out.
 */
public final class RunReportPage {
  /** Runs shown in the history charts, the current one included. */
  public static final int HISTORY_RUNS = 30;

  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1180px;
      color:#1d2327;padding:0 16px}
      h1{font-size:24px;margin:0 0 6px}h2{font-size:18px;border-bottom:1px solid #dcdcde;padding-bottom:4px;
      margin-top:28px}
      table{border-collapse:collapse;margin:8px 0 12px}th,td{border:1px solid #dcdcde;padding:3px 8px;
      text-align:left;vertical-align:top}th{background:#f6f7f7}td{font-variant-numeric:tabular-nums}
      .badge{font-size:14px;padding:2px 10px;border-radius:10px;vertical-align:middle;color:#fff}
      .badge.ok{background:#00803c}.badge.warn{background:#b26200}.badge.bad{background:#c02b2b}
      .pass{color:#00803c}.fail{color:#c02b2b;font-weight:600}table.facts td:first-child{color:#646970}
      .dim{color:#646970}.note{color:#646970;font-style:italic}
      .message{font-size:15px}code{font-size:12px}nav a{margin-right:12px}
      svg text{font-size:11px;fill:#1d2327}svg .grid{stroke:#eee}svg .axis{stroke:#999}
      figure{margin:8px 0 16px}figcaption{color:#646970;font-size:12px}
      """;

  private RunReportPage() {}

  /**
   * The page for {@code manifest}; {@code earlier} are previous runs' manifests, oldest first (only
   * the last {@link #HISTORY_RUNS} - 1 are used); {@code tables} holds rows of the day's small
   * published tables by name ({@code bundles}, {@code segment_profiles}), any of them absent.
   */
  public static String render(
      Map<String, Object> manifest,
      List<Map<String, Object>> earlier,
      Map<String, List<Map<String, Object>>> tables) {
    List<Map<String, Object>> runs =
        new ArrayList<>(
            earlier.subList(Math.max(0, earlier.size() - (HISTORY_RUNS - 1)), earlier.size()));
    runs.add(manifest);
    StringBuilder b =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>comborec ")
            .append(Html.escape(manifest.get("run_date")))
            .append(' ')
            .append(Html.escape(manifest.get("status")))
            .append("</title>\n<style>")
            .append(CSS)
            .append("</style></head>\n<body>\n");
    b.append(RunSections.header(manifest)).append(nav());
    b.append(RunSections.stages(manifest));
    b.append(RunSections.inputs(manifest));
    b.append(RunSections.outputs(manifest));
    b.append(ModelSection.render(manifest, runs));
    b.append(FigureSections.segments(manifest, tables.getOrDefault("segment_profiles", List.of())));
    b.append(FigureSections.bundles(manifest, tables.getOrDefault("bundles", List.of())));
    b.append(FigureSections.feedback(manifest));
    b.append(FigureSections.other(manifest));
    b.append(FigureSections.config(manifest));
    return b.append("</body></html>\n").toString();
  }

  private static String nav() {
    StringBuilder b = new StringBuilder("<nav>");
    for (String[] link :
        new String[][] {
          {"stages", "Stages"},
          {"inputs", "Inputs"},
          {"outputs", "Outputs"},
          {"model", "Model"},
          {"segments", "Segments"},
          {"bundles", "Bundles"},
          {"feedback", "Feedback"},
          {"figures", "Other figures"},
          {"config", "Configuration"}
        }) {
      b.append("<a href=\"#").append(link[0]).append("\">").append(link[1]).append("</a>");
    }
    return b.append("</nav>\n").toString();
  }
}
