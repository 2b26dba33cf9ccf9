package com.comborec.features.feedback;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The manifest's {@code feedback} figures from {@link FeedbackPerformance#summarize} rows, as
 * dotted keys: {@code feedback.<surface>.<strategy>.impressions} and the other counts and rates,
 * {@code feedback.<surface>.unmatched}, and the totals {@code feedback.rows / matched / unmatched}.
 * The totals are always there (0 without feedback), so nothing is lost silently.
 */
public final class FeedbackFigures {
  static final String PREFIX = "feedback.";
  private static final List<String> COUNTS =
      List.of("impressions", "clicks", "add_to_carts", "purchases", "dismissals");
  private static final List<String> RATES = List.of("ctr", "add_to_cart_rate", "conversion");

  private FeedbackFigures() {}

  /** Sorted summary rows to figures; {@code previousRun} is null when no published run preceded. */
  public static Map<String, Object> of(List<Row> summary, LocalDate previousRun) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (previousRun != null) {
      out.put(PREFIX + "previous_run", previousRun.toString());
    }
    long rows = 0;
    long unmatched = 0;
    for (Row r : summary) {
      long n = r.getLong(r.fieldIndex("rows"));
      rows += n;
      String surface = r.getString(r.fieldIndex("surface"));
      if (r.isNullAt(r.fieldIndex("strategy"))) {
        unmatched += n;
        out.put(PREFIX + surface + ".unmatched", n);
      } else {
        putGroup(out, PREFIX + surface + "." + r.getString(r.fieldIndex("strategy")) + ".", r);
      }
    }
    out.put(PREFIX + "rows", rows);
    out.put(PREFIX + "matched", rows - unmatched);
    out.put(PREFIX + "unmatched", unmatched);
    return out;
  }

  private static void putGroup(Map<String, Object> out, String prefix, Row r) {
    for (String c : COUNTS) {
      out.put(prefix + c, r.getLong(r.fieldIndex(c)));
    }
    for (String c : RATES) {
      // A rate without impressions is undefined: left out rather than shown as 0.
      if (!r.isNullAt(r.fieldIndex(c))) {
        out.put(prefix + c, round(r.getDouble(r.fieldIndex(c))));
      }
    }
  }

  /** Six decimals: enough for a rate, short enough to read in the manifest. */
  static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
