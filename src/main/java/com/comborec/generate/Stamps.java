package com.comborec.generate;

import java.time.LocalDate;

/**
 * Timestamp text in the contract's accepted forms, built by hand for speed: ISO-8601 UTC ({@code
 * 2026-11-27T13:45:10Z}), ISO with an offset, and {@code yyyy-MM-dd HH:mm:ss} (UTC).
 */
final class Stamps {
  private Stamps() {}

  static String iso(LocalDate date, int second) {
    return iso(date.toString(), second);
  }

  static String plain(LocalDate date, int second) {
    return plain(date.toString(), second);
  }

  static String plusOneHour(LocalDate date, int second) {
    return plusOneHour(date.toString(), second);
  }

  /** {@code day} is the date as yyyy-MM-dd, formatted once per file rather than per row. */
  static String iso(String day, int second) {
    return append(new StringBuilder(20).append(day).append('T'), second).append('Z').toString();
  }

  static String plain(String day, int second) {
    return append(new StringBuilder(19).append(day).append(' '), second).toString();
  }

  /**
   * The same instant written at +01:00; only for seconds before 23:00 UTC, so the local day is the
   * same.
   */
  static String plusOneHour(String day, int second) {
    return append(new StringBuilder(25).append(day).append('T'), second + 3600)
        .append("+01:00")
        .toString();
  }

  /**
   * One of the accepted forms, mostly ISO with Z: 70% ISO Z, 27% plain, 3% ISO +01:00 (when the
   * local clock stays on the same day).
   */
  static String any(String day, int second, double draw) {
    if (draw < 0.70) {
      return iso(day, second);
    }
    if (draw < 0.97 || second >= 82_800) {
      return plain(day, second);
    }
    return plusOneHour(day, second);
  }

  static String any(LocalDate date, int second, double draw) {
    return any(date.toString(), second, draw);
  }

  private static StringBuilder append(StringBuilder sb, int second) {
    two(sb, second / 3600).append(':');
    two(sb, second / 60 % 60).append(':');
    return two(sb, second % 60);
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
