package com.comborec.ingest;

import com.comborec.contract.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The data quality gates as pure functions of counts, so each is testable with plain numbers. */
public final class DataQualityGates {
  private DataQualityGates() {}

  /** One message per source whose reject ratio exceeds its limit. */
  public static List<String> rejectRatioViolations(
      Map<Source, DayCounts> totals, GateSettings gates) {
    List<String> out = new ArrayList<>();
    totals.forEach(
        (source, c) -> {
          double limit = gates.maxRejectRatio(source.folder());
          if (c.read() > 0 && c.rejectRatio() > limit) {
            out.add(
                String.format(
                    "%s: %d of %d rows rejected (%.1f%%) exceeds comborec.gates.max-reject-ratio.%s"
                        + " = %.1f%%",
                    source.folder(),
                    c.rejected(),
                    c.read(),
                    100 * c.rejectRatio(),
                    source.folder(),
                    100 * limit));
          }
        });
    return out;
  }

  /**
   * Today's events read against the median of previous days; null when within the band, or when
   * there is too little history to judge (the manifest says which).
   */
  public static String volumeViolation(long today, List<Long> history, GateSettings gates) {
    if (!gates.volumeEnabled() || history.size() < gates.volumeMinHistory()) {
      return null;
    }
    double median = median(history);
    double ratio = median == 0 ? Double.POSITIVE_INFINITY : today / median;
    if (ratio < gates.volumeMinRatio() || ratio > gates.volumeMaxRatio()) {
      return String.format(
          "events: %d rows today is %.2fx the median %.1f of the previous %d days, outside "
              + "comborec.gates.volume [%.2f, %.2f]",
          today, ratio, median, history.size(), gates.volumeMinRatio(), gates.volumeMaxRatio());
    }
    return null;
  }

  public static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(Long::compare);
    int n = sorted.size();
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
