package com.comborec.publish.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Inline SVG charts for the run report: no scripts, no external assets, readable offline. */
public final class SvgCharts {
  /** One line of a chart; a null value is a run without the figure, and breaks the line. */
  public record Series(String name, List<Double> values, boolean dashed) {}

  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"
  };
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 12;
  private static final int BOTTOM = 40;

  private SvgCharts() {}

  /** A line chart over runs: x are run days (oldest first), one polyline per series. */
  public static String lineChart(
      String title, List<String> xLabels, List<Series> series, int width, int height) {
    double max =
        series.stream()
            .flatMap(s -> s.values().stream())
            .filter(Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(1);
    double top = max <= 0 ? 1 : niceCeiling(max);
    StringBuilder b = new StringBuilder(svgOpen(width, height + 18 * series.size(), title));
    axes(b, xLabels, top, width, height);
    for (int i = 0; i < series.size(); i++) {
      line(b, series.get(i), COLORS[i % COLORS.length], xLabels.size(), top, width, height);
      legend(b, series.get(i), COLORS[i % COLORS.length], height + 4 + 18 * i);
    }
    return b.append("</svg>\n").toString();
  }

  /** Horizontal bars with their values, e.g. stage seconds or segment sizes. */
  public static String barChart(String title, List<String> labels, List<Double> values, int width) {
    int rowHeight = 22;
    int labelWidth = labelWidth(labels, width);
    double max =
        values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
    StringBuilder b = new StringBuilder(svgOpen(width, rowHeight * labels.size() + 8, title));
    for (int i = 0; i < labels.size(); i++) {
      double v = values.get(i) == null ? 0 : values.get(i);
      double w = max <= 0 ? 0 : (width - labelWidth - 90) * v / max;
      int y = 4 + i * rowHeight;
      b.append(text(labelWidth - 6, y + 15, "end", labels.get(i)));
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>",
              labelWidth,
              y + 2,
              w,
              COLORS[0]));
      b.append(text((int) (labelWidth + w + 6), y + 15, "start", Html.number(values.get(i))));
    }
    return b.append("</svg>\n").toString();
  }

  /**
   * Room for the longest label at about 7 px a character, at least 80 px, at most half the chart.
   */
  static int labelWidth(List<String> labels, int width) {
    int longest = labels.stream().mapToInt(String::length).max().orElse(0);
    return Math.min(width / 2, Math.max(80, 7 * longest + 10));
  }

  private static String svgOpen(int width, int height, String title) {
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>\n",
        width,
        height,
        width,
        height,
        Html.escape(title),
        Html.escape(title));
  }

  private static void axes(
      StringBuilder b, List<String> xLabels, double top, int width, int height) {
    int bottom = height - BOTTOM;
    for (int t = 0; t <= 4; t++) {
      double v = top * t / 4;
      double y = y(v, top, height);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>",
              LEFT,
              y,
              width - RIGHT,
              y));
      b.append(text(LEFT - 6, (int) y + 4, "end", Html.number(v)));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n",
            LEFT,
            bottom,
            width - RIGHT,
            bottom));
    int n = xLabels.size();
    for (int i : xTicks(n)) {
      // the first and last labels align inwards, so neither is cut at the edge
      String anchor = n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle";
      b.append(text((int) x(i, n, width), bottom + 16, anchor, xLabels.get(i)));
    }
  }

  /** First, middle and last run: enough to read the time axis without overlapping labels. */
  private static List<Integer> xTicks(int n) {
    List<Integer> ticks = new ArrayList<>();
    if (n > 0) {
      ticks.add(0);
    }
    if (n > 2) {
      ticks.add((n - 1) / 2);
    }
    if (n > 1) {
      ticks.add(n - 1);
    }
    return ticks;
  }

  private static void line(
      StringBuilder b, Series s, String color, int n, double top, int width, int height) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < s.values().size(); i++) {
      Double v = s.values().get(i);
      if (v == null) {
        polyline(b, points, color, s.dashed());
        continue;
      }
      double x = x(i, n, width);
      double y = y(v, top, height);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      b.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s: %s"
                  + "</title></circle>",
              x,
              y,
              color,
              Html.escape(s.name()),
              Html.cell(v)));
    }
    polyline(b, points, color, s.dashed());
  }

  private static void polyline(
      StringBuilder b, StringBuilder points, String color, boolean dashed) {
    if (points.length() > 0) {
      b.append("<polyline fill=\"none\" stroke=\"")
          .append(color)
          .append("\" stroke-width=\"2\"")
          .append(dashed ? " stroke-dasharray=\"6 4\"" : "")
          .append(" points=\"")
          .append(points.toString().trim())
          .append("\"/>\n");
      points.setLength(0);
    }
  }

  private static void legend(StringBuilder b, Series s, String color, int y) {
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"2\"%s/>",
            LEFT,
            y + 8,
            LEFT + 24,
            y + 8,
            color,
            s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
    b.append(text(LEFT + 30, y + 12, "start", s.name() + (s.dashed() ? " (baseline)" : "")));
  }

  private static double x(int i, int n, int width) {
    double span = width - LEFT - RIGHT;
    return n <= 1 ? LEFT + span / 2 : LEFT + span * i / (n - 1);
  }

  private static double y(double v, double top, int height) {
    double span = height - TOP - BOTTOM;
    return TOP + span * (1 - v / top);
  }

  private static String text(int x, int y, String anchor, String content) {
    return "<text x=\""
        + x
        + "\" y=\""
        + y
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + Html.escape(content)
        + "</text>";
  }

  /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code v}. */
  static double niceCeiling(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
