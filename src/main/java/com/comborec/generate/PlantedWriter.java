package com.comborec.generate;

import com.comborec.contract.RejectReason;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a file's good rows with its planted bad rows spread uniformly among them. Each bad row is
 * a copy of the good row just before it with exactly one fault, so the accepted data is exactly the
 * simulated data and the planted counts are exact. The first row is always good, to give the first
 * bad row its template.
 */
final class PlantedWriter {
  /** Turns a good row into a row with one fault of the reason. */
  @FunctionalInterface
  interface Corrupter {
    String[] corrupt(String[] good, RejectReason reason, Rng rng);
  }

  private PlantedWriter() {}

  /**
   * Writes {@code goodCount} rows from {@code goods} and {@code perReason} bad rows of each reason.
   * Returns the bad rows written per reason code.
   */
  static Map<String, Long> write(
      CsvSink sink,
      Iterator<String[]> goods,
      long goodCount,
      List<RejectReason> reasons,
      int perReason,
      Rng rng,
      Corrupter corrupter) {
    long[] left = new long[reasons.size()];
    long bad = goodCount > 0 ? (long) perReason * reasons.size() : 0;
    java.util.Arrays.fill(left, goodCount > 0 ? perReason : 0);
    Map<String, Long> written = new TreeMap<>();
    reasons.forEach(r -> written.put(r.code(), 0L));
    long good = goodCount;
    String[] last = null;
    while (good + bad > 0) {
      boolean badNext = last != null && rng.nextDouble() * (good + bad) < bad;
      if (badNext) {
        RejectReason reason = reasons.get(pickReason(left, bad, rng));
        sink.write(corrupter.corrupt(last, reason, rng));
        written.merge(reason.code(), 1L, Long::sum);
        bad--;
      } else {
        last = goods.next();
        sink.write(last);
        good--;
      }
    }
    return written;
  }

  private static int pickReason(long[] left, long total, Rng rng) {
    long x = (long) (rng.nextDouble() * total);
    for (int k = 0; k < left.length; k++) {
      if (x < left[k]) {
        left[k]--;
        return k;
      }
      x -= left[k];
    }
    // Rounding can only land here when x == total - 1 was pushed past the end; take the last left.
    for (int k = left.length - 1; k >= 0; k--) {
      if (left[k] > 0) {
        left[k]--;
        return k;
      }
    }
    throw new IllegalStateException("no bad rows left to plant");
  }
}
