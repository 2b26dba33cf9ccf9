package com.comborec.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short human labels such as {@code frequent · high spend · kitchen}: the tercile of the segment's
 * purchase frequency and of its spend among all segments, then its dominant category.
 */
public final class SegmentLabels {
  static final String SEPARATOR = " · ";
  static final String[] FREQUENCY_WORDS = {"occasional", "regular", "frequent"};
  static final String[] SPEND_WORDS = {"low spend", "mid spend", "high spend"};
  static final String NO_PURCHASES = "no purchases";
  static final String MIXED = "mixed";

  private SegmentLabels() {}

  /**
   * A label per segment id; {@code categoryNames} maps each top share column to its name. Segments
   * without purchases are labelled 'no purchases' and left out of the terciles, which would
   * otherwise only tell buyers from non-buyers.
   */
  public static Map<Integer, String> labels(
      List<SegmentStats> stats, Map<String, String> categoryNames) {
    List<SegmentStats> buyers = stats.stream().filter(s -> s.feature("frequency") > 0).toList();
    int[] frequency = terciles(buyers, "frequency");
    int[] spend = terciles(buyers, "monetary");
    Map<Integer, String> out = new LinkedHashMap<>();
    for (SegmentStats s : stats) {
      out.put(s.segmentId(), NO_PURCHASES);
    }
    for (int i = 0; i < buyers.size(); i++) {
      out.put(
          buyers.get(i).segmentId(), label(buyers.get(i), frequency[i], spend[i], categoryNames));
    }
    return out;
  }

  static String label(
      SegmentStats s, int frequencyTercile, int spendTercile, Map<String, String> names) {
    List<String> parts =
        new ArrayList<>(List.of(FREQUENCY_WORDS[frequencyTercile], SPEND_WORDS[spendTercile]));
    String category = dominantCategory(s, names);
    if (category != null) {
      parts.add(category);
    }
    return String.join(SEPARATOR, parts);
  }

  /**
   * 0, 1 or 2 per segment: the tercile of its mean {@code feature} by rank among the segments, kept
   * at the top or bottom only when the value is also above or below the user-weighted overall mean
   * (so one segment, or equal ones, are the middle). Tied values break toward the side of the mean
   * they lie on, so four equal low segments are all low, not middle.
   */
  static int[] terciles(List<SegmentStats> stats, String feature) {
    int n = stats.size();
    double overall = overallMean(stats, feature);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      double v = stats.get(i).feature(feature);
      int t = Math.min(2, (int) Math.floor(3 * (rank(stats, feature, v, overall) + 0.5) / n));
      out[i] = t == 2 && !above(v, overall) ? 1 : t == 0 && !above(overall, v) ? 1 : t;
    }
    return out;
  }

  /**
   * The 0-based rank of {@code v}; among ties the lowest when below the mean, the highest above.
   */
  private static double rank(List<SegmentStats> stats, String feature, double v, double overall) {
    int below = 0;
    int equal = 0;
    for (SegmentStats other : stats) {
      double w = other.feature(feature);
      below += w < v ? 1 : 0;
      equal += w == v ? 1 : 0;
    }
    if (above(overall, v)) {
      return below;
    }
    return above(v, overall) ? below + equal - 1 : below + (equal - 1) / 2.0;
  }

  /**
   * The category with the largest mean share; 'mixed' when the long tail wins, null without any.
   */
  static String dominantCategory(SegmentStats s, Map<String, String> names) {
    String best = null;
    double bestShare = 0;
    for (String column : names.keySet()) {
      if (s.feature(column) > bestShare) {
        best = names.get(column);
        bestShare = s.feature(column);
      }
    }
    String other = CategoryShares.PREFIX + "_" + TopValues.OTHER;
    return s.feature(other) > bestShare ? MIXED : best;
  }

  private static double overallMean(List<SegmentStats> stats, String feature) {
    double sum = 0;
    long users = 0;
    for (SegmentStats s : stats) {
      sum += s.feature(feature) * s.users();
      users += s.users();
    }
    return users == 0 ? 0 : sum / users;
  }

  /** a > b beyond rounding noise, so a segment equal to the mean is not called high or low. */
  private static boolean above(double a, double b) {
    return a - b > 1e-9 * Math.max(1.0, Math.abs(b));
  }
}
