package com.comborec.publish.report;

import java.util.List;
import java.util.Locale;

/**
 * Escaping and a few tags for the run report. Every text that comes from data (manifest values,
 * item titles, messages, config values) goes through {@link #escape}; nothing is ever inserted raw.
 */
public final class Html {
  private Html() {}

  /** Escapes the five HTML special characters; null becomes an empty string. */
  public static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String s = String.valueOf(value);
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A number for people (not escaped): integers with thousands separators, others with 4 decimals.
   */
  public static String number(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return String.format(Locale.ROOT, "%,d", (long) d);
      }
      if (Math.abs(d) >= 100) {
        return String.format(Locale.ROOT, "%,.1f", d);
      }
      // four decimals at most, without trailing zeros: 0.87, 34.6, 0.1235
      return new java.math.BigDecimal(d)
          .setScale(4, java.math.RoundingMode.HALF_UP)
          .stripTrailingZeros()
          .toPlainString();
    }
    return value == null ? "" : String.valueOf(value);
  }

  /** An amount with two decimals, escaped for a cell; anything else as {@link #cell}. */
  public static String money(Object value) {
    return value instanceof Number n
        ? String.format(Locale.ROOT, "%,.2f", n.doubleValue())
        : cell(value);
  }

  /**
   * A ratio as a percentage with one decimal, escaped for a cell; anything else as {@link #cell}.
   */
  public static String percent(Object value) {
    return value instanceof Number n
        ? String.format(Locale.ROOT, "%.1f%%", 100 * n.doubleValue())
        : cell(value);
  }

  /** A number, or any other value, escaped for a cell. */
  public static String cell(Object value) {
    return escape(number(value));
  }

  /** A table row of already-escaped cells; {@code header} makes them th cells. */
  public static String row(boolean header, List<String> cells) {
    String tag = header ? "th" : "td";
    StringBuilder b = new StringBuilder("<tr>");
    cells.forEach(
        c -> b.append('<').append(tag).append('>').append(c).append("</").append(tag).append('>'));
    return b.append("</tr>\n").toString();
  }

  /** A table from an escaped header row and escaped body rows. */
  public static String table(List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table>\n").append(row(true, header));
    rows.forEach(r -> b.append(row(false, r)));
    return b.append("</table>\n").toString();
  }

  /** A two-column table of escaped labels and escaped values, without a header row. */
  public static String facts(List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table class=\"facts\">\n");
    rows.forEach(r -> b.append(row(false, r)));
    return b.append("</table>\n").toString();
  }

  /** A section with an escaped title around already-built content. */
  public static String section(String id, String title, String body) {
    return "<section id=\""
        + escape(id)
        + "\"><h2>"
        + escape(title)
        + "</h2>\n"
        + body
        + "</section>\n";
  }

  public static String note(String text) {
    return "<p class=\"note\">" + escape(text) + "</p>\n";
  }
}
