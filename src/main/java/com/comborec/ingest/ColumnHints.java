package com.comborec.ingest;

import com.comborec.contract.InputColumn;
import com.comborec.contract.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warns about a header column that the contract does not know but that looks like a misspelt
 * optional column the file lacks ({@code qty} for {@code quantity}): the column is ignored and
 * every row of the file takes the optional column's default, which is legal but rarely meant.
 *
 * <p>Two names are close when, lower-cased and without anything but letters and digits, they are
 * equal; or within two edits of each other (both at least 4 characters); or the shorter (at least 3
 * characters) begins or ends the longer; or the shorter (at least 3 characters) starts with the
 * same letter and is a subsequence of the longer, as abbreviations are.
 */
final class ColumnHints {
  private ColumnHints() {}

  /** One warning per source, unknown column and optional column it resembles. */
  static List<String> warnings(List<InputFile> files) {
    Map<String, Integer> found = new TreeMap<>();
    for (InputFile f : files) {
      for (String unknown : f.extraColumns(Schemas.INPUT_COLUMNS.get(f.source()))) {
        for (InputColumn c : Schemas.INPUT_COLUMNS.get(f.source())) {
          if (!c.required() && !f.header().contains(c.name()) && close(unknown, c.name())) {
            found.merge(
                f.source().folder() + "\u0000" + unknown + "\u0000" + c.name(), 1, Integer::sum);
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    found.forEach(
        (key, n) -> {
          String[] k = key.split("\u0000");
          out.add(
              String.format(
                  "%s: %d file(s) have a column '%s', which is not in the contract but close to"
                      + " the optional column '%s' that they lack; '%s' is ignored and every row"
                      + " of those files takes the default for '%s'",
                  k[0], n, k[1], k[2], k[1], k[2]));
        });
    return out;
  }

  static boolean close(String a, String b) {
    String x = normalise(a);
    String y = normalise(b);
    String shorter = x.length() <= y.length() ? x : y;
    String longer = x.length() <= y.length() ? y : x;
    if (shorter.isEmpty()) {
      return false;
    }
    if (x.equals(y)) {
      return true;
    }
    if (shorter.length() >= 4 && editDistance(x, y) <= 2) {
      return true;
    }
    if (shorter.length() >= 3 && (longer.startsWith(shorter) || longer.endsWith(shorter))) {
      return true;
    }
    return shorter.length() >= 3
        && shorter.charAt(0) == longer.charAt(0)
        && isSubsequence(shorter, longer);
  }

  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static boolean isSubsequence(String shorter, String longer) {
    int j = 0;
    for (int i = 0; i < longer.length() && j < shorter.length(); i++) {
      if (longer.charAt(i) == shorter.charAt(j)) {
        j++;
      }
    }
    return j == shorter.length();
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
