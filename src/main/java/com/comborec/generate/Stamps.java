package com.comborec.generate;

import java.time.LocalDate;

/**
 * Timestamp text in the contract's accepted forms, built by hand for speed: ISO-8601 UTC
 * ({@code 2026-11-27T13:45:10Z}), ISO with an offset, and {@code yyyy-MM-dd HH:mm:ss} (UTC).
 */
final class Stamps {
  private Stamps() {}

  static String iso(LocalDate date, int second) {
    return append(new StringBuilder(20).append(date).append('T'), second).append('Z').toString();
  }

  static String plain(LocalDate date, int second) {
    return append(new StringBuilder(19).append(date).append(' '), second).toString();
  }

  /** The same instant written at +01:00; only for seconds before 23:00 UTC, so the local day is the same. */
  static String plusOneHour(LocalDate date, int second) {
    return append(new StringBuilder(25).append(date).append('T'), second + 3600).append("+01:00").toString();
  }

  /**
   * One of the accepted forms, mostly ISO with Z: 70% ISO Z, 27% plain, 3% ISO +01:00 (when the
   * local clock stays on the same day).
   */
  static String any(LocalDate date, int second, double draw) {
    if (draw < 0.70) {
      return iso(date, second);
    }
    if (draw < 0.97 || second >= 82_800) {
      return plain(date, second);
    }
    return plusOneHour(date, second);
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
