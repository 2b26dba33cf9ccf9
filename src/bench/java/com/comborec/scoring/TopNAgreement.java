package com.comborec.scoring;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Whether two top-N outputs agree on a sample of users: same items, scores within 1e-5, items
 * allowed to swap only where scores tie within that tolerance (recommendForAllUsers leaves the
 * order of ties undefined).
 */
final class TopNAgreement {
  private TopNAgreement() {}

  /** A bounded sample (every step-th uid) of (uid -> [(iid, score)]), collected to the driver. */
  static Map<Integer, List<float[]>> sample(Dataset<Row> recs, int step) {
    Map<Integer, List<float[]>> out = new HashMap<>();
    for (Row r : recs.where(col(recs.columns()[0]).mod(step).equalTo(0)).collectAsList()) {
      List<float[]> list = new ArrayList<>();
      r.<Row>getList(1).forEach(i -> list.add(new float[] {i.getInt(0), i.getFloat(1)}));
      list.sort((x, y) -> x[1] != y[1] ? Float.compare(y[1], x[1]) : Float.compare(x[0], y[0]));
      out.put(r.getInt(0), list);
    }
    return out;
  }

  /**
   * Users whose lists differ beyond float noise: a score off by > 1e-5, or other items outside
   * ties.
   */
  static int mismatches(Map<Integer, List<float[]>> expected, Map<Integer, List<float[]>> actual) {
    int differ = 0;
    for (Map.Entry<Integer, List<float[]>> e : expected.entrySet()) {
      List<float[]> a = actual.get(e.getKey());
      if (a == null || !sameUpToTies(e.getValue(), a)) {
        differ++;
      }
    }
    return differ + (int) actual.keySet().stream().filter(u -> !expected.containsKey(u)).count();
  }

  private static boolean sameUpToTies(List<float[]> exp, List<float[]> got) {
    if (exp.size() != got.size()) {
      return false;
    }
    for (int i = 0; i < exp.size(); i++) {
      float s = exp.get(i)[1];
      if (Math.abs(s - got.get(i)[1]) > 1e-5) {
        return false;
      }
      boolean tied =
          (i > 0 && Math.abs(exp.get(i - 1)[1] - s) <= 1e-5)
              || (i + 1 < exp.size() && Math.abs(exp.get(i + 1)[1] - s) <= 1e-5);
      if (exp.get(i)[0] != got.get(i)[0] && !tied) {
        return false;
      }
    }
    return true;
  }
}
