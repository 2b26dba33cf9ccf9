package com.comborec.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The run report page: escaping, self-containment, hand-computed chart geometry, tolerance of gaps.
 */
class RunReportPageTest {

  /** A manifest with the figures of every section; {@code ndcg} null leaves the ALS figure out. */
  static Map<String, Object> manifest(String day, Double ndcg, double baseline) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_date", day);
    m.put("status", "published");
    m.put("exit_code", 0);
    m.put("message", "published");
    m.put("started_at", "2011-08-01T02:00:00Z");
    m.put("ended_at", "2011-08-01T02:01:30Z");
    m.put(
        "stages",
        List.of(Map.of("name", "ingest", "seconds", 61.5, "status", "ok", "started_at", "t0")));
    m.put(
        "inputs",
        Map.of(
            "events",
            Map.of(
                "read",
                100,
                "accepted",
                97,
                "rejected",
                3,
                "rejected_by_reason",
                Map.of("unknown_item", 2, "bad_timestamp", 1)),
            "users",
            Map.of("status", "absent")));
    Map<String, Object> als = new LinkedHashMap<>();
    if (ndcg != null) {
      als.put("ndcg_at_k", ndcg);
    }
    m.put(
        "model",
        Map.of(
            "candidates",
            Map.of("als", als),
            "baselines",
            Map.of("global_popular", Map.of("ndcg_at_k", baseline))));
    return m;
  }

  @Test
  void escapesEveryValueFromData() {
    Map<String, Object> m = manifest("2011-07-31", 0.1, 0.05);
    m.put("message", "<script>alert(\"x\")</script> & 'q'");
    m.put(
        "inputs",
        Map.of(
            "<b>src</b>",
            Map.of(
                "read", 1, "accepted", 0, "rejected", 1, "rejected_by_reason", Map.of("a<b", 1))));
    m.put("config", Map.of("comborec.input", "</style><iframe>"));
    m.put("segment", Map.of("label", "frequent & <kitchen>"));
    List<Map<String, Object>> bundles =
        List.of(
            Map.of(
                "segment_id",
                0,
                "rank",
                1,
                "solver_status",
                "OPTIMAL",
                "items",
                List.of(
                    Map.of(
                        "item_id", "i1", "title", "<img src=x onerror=alert(1)>", "price", 2.5))));
    String html = RunReportPage.render(m, List.of(), Map.of("bundles", bundles));
    assertTrue(
        html.contains("<td>2.50</td>") || html.contains("<span class=\"dim\">2.50</span>"),
        "price");
    assertTrue(
        html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"),
        "message");
    assertTrue(html.contains("&lt;b&gt;src&lt;/b&gt;"), "source name");
    assertTrue(html.contains("a&lt;b"), "reject reason");
    assertTrue(html.contains("&lt;/style&gt;&lt;iframe&gt;"), "config value");
    assertTrue(html.contains("frequent &amp; &lt;kitchen&gt;"), "segment figure");
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "bundle item title");
    for (String raw : List.of("<script", "<img", "<iframe", "<b>src", "</style><iframe")) {
      assertFalse(html.contains(raw), "raw markup from data: " + raw);
    }
  }

  @Test
  void pageIsSelfContained() {
    String html = RunReportPage.render(manifest("2011-07-31", 0.1, 0.05), List.of(), Map.of());
    String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for (String external :
        List.of("http:", "https:", "<script", "<link", " src=", "url(", "@import")) {
      assertFalse(
          withoutSvgNamespace.contains(external), "external reference or script: " + external);
    }
    assertTrue(
        html.startsWith("<!DOCTYPE html>") && html.contains("<style>") && html.contains("<svg"));
  }

  /**
   * Three runs, ALS ndcg 0.1, 0.2, absent; baseline 0.05 each. Chart 720 x 240, plot x from 56 to
   * 704 (x = 56, 380, 704), y top 12, bottom 200; the axis tops at 0.2, so y(0.2) = 12, y(0.1) = 12
   * + 188 * 0.5 = 106, y(0.05) = 12 + 188 * 0.75 = 153.
   */
  @Test
  void ndcgChartPlotsCandidatesAndDashedBaselinesOverRuns() {
    List<Map<String, Object>> earlier =
        List.of(manifest("2011-07-29", 0.1, 0.05), manifest("2011-07-30", 0.2, 0.05));
    String html = RunReportPage.render(manifest("2011-07-31", null, 0.05), earlier, Map.of());
    String chart = firstSvgTitled(html, "ndcg_at_k over the last 3 run(s)");
    List<String> lines = polylines(chart);
    assertEquals(
        List.of("56.0,106.0 380.0,12.0", "56.0,153.0 380.0,153.0 704.0,153.0"), lines, "polylines");
    assertTrue(
        chart.contains("stroke-dasharray=\"6 4\" points=\"56.0,153.0"), "baseline is dashed");
    assertTrue(
        chart.contains(">2011-07-29<") && chart.contains(">2011-07-31<"), "first and last run day");
  }

  @Test
  void absentSectionsRenderNotesNotErrors() {
    String html =
        RunReportPage.render(
            Map.of("run_date", "2011-07-31", "status", "failed"), List.of(), Map.of());
    assertTrue(html.contains("No model figures"), "model");
    assertTrue(html.contains("No segment figures"), "segments");
    assertTrue(html.contains("No bundles"), "bundles");
    assertTrue(html.contains("No feedback figures"), "feedback");
    assertTrue(html.contains("badge bad"), "failed status badge");
  }

  @Test
  void inputsShowRejectRatioAndReasons() {
    String html = RunReportPage.render(manifest("2011-07-31", 0.1, 0.05), List.of(), Map.of());
    // 3 of 100 rejected
    assertTrue(html.contains("<td>3.00%</td>"), "reject ratio");
    assertTrue(html.contains("<code>unknown_item</code> 2"), "reason count");
    assertTrue(
        html.contains("<td>users</td><td></td><td></td><td></td><td></td><td>absent</td>"),
        "absent source");
  }

  @Test
  void segmentSizesBecomeBars() {
    Map<String, Object> m = manifest("2011-07-31", 0.1, 0.05);
    m.put("segment", Map.of("sizes", List.of(30, 10), "silhouette", 0.41));
    String html = RunReportPage.render(m, List.of(), Map.of());
    String bars = firstSvgTitled(html, "Users per segment");
    // labels "sizes[0]" need max(80, 7 * 8 + 10) = 80 px; widest bar = 900 - 80 - 90 = 730 for 30
    // users,
    // 10 users = 730 / 3 = 243.3
    assertTrue(bars.contains("width=\"730.0\"") && bars.contains("width=\"243.3\""), bars);
    assertTrue(bars.contains(">sizes[1]<"), "labelled by list position: " + bars);
    assertTrue(html.contains("segment.silhouette"), "other segment figures");
  }

  @Test
  void segmentProfilesLabelTheBarsWhenPresent() {
    Map<String, Object> m = manifest("2011-07-31", 0.1, 0.05);
    m.put("segment", Map.of("sizes", List.of(30, 10)));
    List<Map<String, Object>> profiles =
        List.of(Map.of("segment_id", 4, "users", 30, "label", "frequent & <kitchen>"));
    String bars =
        firstSvgTitled(
            RunReportPage.render(m, List.of(), Map.of("segment_profiles", profiles)),
            "Users per segment");
    assertTrue(
        bars.contains(">4 \u00b7 frequent &amp; &lt;kitchen&gt;<"),
        "id and escaped label: " + bars);
    assertFalse(bars.contains("sizes[0]"), "profiles win over segment.sizes");
  }

  @Test
  void feedbackFiguresBecomeATablePerSurfaceAndStrategy() {
    Map<String, Object> m = manifest("2011-07-31", 0.1, 0.05);
    Map<String, Object> fb = new LinkedHashMap<>();
    fb.put("previous_run", "2011-07-30");
    fb.put(
        "recommendations",
        Map.of(
            "als",
            Map.of(
                "impressions",
                8,
                "clicks",
                2,
                "add_to_carts",
                1,
                "purchases",
                1,
                "dismissals",
                0,
                "ctr",
                0.25,
                "add_to_cart_rate",
                0.125,
                "conversion",
                0.125),
            "unmatched",
            3));
    fb.put("rows", 15);
    m.put("feedback", fb);
    String html = RunReportPage.render(m, List.of(), Map.of());
    // 2 / 8 = 25.0%, 1 / 8 = 12.5%
    assertTrue(
        html.contains(
            "<td>recommendations</td><td>als</td><td>8</td><td>2</td><td>25.0%</td>"
                + "<td>12.5%</td><td>12.5%</td><td>0</td>"),
        "the als row");
    assertTrue(html.contains("<code>feedback.recommendations.unmatched</code>"), "unmatched rows");
    assertTrue(html.contains("<code>feedback.previous_run</code>"), "previous run");
    assertFalse(html.contains("No feedback figures"), "figures present");
  }

  @Test
  void niceCeilingRoundsUpToOneTwoTwoAndAHalfOrFive() {
    assertEquals(0.2, SvgCharts.niceCeiling(0.17), 1e-12);
    assertEquals(5, SvgCharts.niceCeiling(3), 1e-12);
    assertEquals(0.02, SvgCharts.niceCeiling(0.0123), 1e-12);
    assertEquals(100, SvgCharts.niceCeiling(100), 1e-9);
  }

  static String firstSvgTitled(String html, String title) {
    int at = html.indexOf("<title>" + title + "</title>");
    assertTrue(at >= 0, "no chart titled " + title);
    return html.substring(html.lastIndexOf("<svg", at), html.indexOf("</svg>", at));
  }

  static List<String> polylines(String svg) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<polyline[^>]* points=\"([^\"]*)\"").matcher(svg);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
