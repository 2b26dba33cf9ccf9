package com.comborec.generate;

/**
 * RFC 4180 record formatting: comma separated, CRLF terminated, a field quoted only when it holds a
 * comma, a quote, CR or LF, with quotes doubled inside. Titles exercise every one of these.
 */
final class Csv {
  static final String EOL = "\r\n";

  private Csv() {}

  /** Appends one record, line terminator included. */
  static void appendRecord(StringBuilder out, String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(out, fields[i]);
    }
    out.append(EOL);
  }

  static String record(String... fields) {
    StringBuilder sb = new StringBuilder(64);
    appendRecord(sb, fields);
    return sb.toString();
  }

  static void appendField(StringBuilder out, String field) {
    if (field == null || field.isEmpty()) {
      return;
    }
    if (!needsQuotes(field)) {
      out.append(field);
      return;
    }
    out.append('"');
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  static boolean needsQuotes(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /** Money in cents as a plain decimal with two places ("12.30"), without Formatter's cost. */
  static String cents(long cents) {
    StringBuilder sb = new StringBuilder(12);
    if (cents < 0) {
      sb.append('-');
      cents = -cents;
    }
    sb.append(cents / 100).append('.');
    long rest = cents % 100;
    if (rest < 10) {
      sb.append('0');
    }
    return sb.append(rest).toString();
  }

  /** A non-negative value rounded to four decimals, written without exponent ("1.0375"). */
  static String fixed4(double value) {
    long scaled = Math.round(Math.abs(value) * 10_000);
    StringBuilder sb = new StringBuilder(12);
    if (value < 0 && scaled != 0) {
      sb.append('-');
    }
    sb.append(scaled / 10_000).append('.');
    String frac = Long.toString(scaled % 10_000);
    sb.append("0000", 0, 4 - frac.length()).append(frac);
    return sb.toString();
  }

  /** A zero-padded id: prefix followed by the number on at least {@code width} digits. */
  static String id(String prefix, long number, int width) {
    String digits = Long.toString(number);
    StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
    sb.append(prefix);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }
}
