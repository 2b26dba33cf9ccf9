package com.comborec.ingest;

import com.comborec.core.ComborecException;
import com.comborec.ingest.csv.FileTally;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A source's checked rows counted (by {@link RejectDiverter}): rows and physical lines per file,
 * day and reason (null: accepted), with the first example of each. Per day they give the manifest's
 * counts; per file they must match what reading the file found.
 */
final class IngestCounts {
  /** One group: {@code reason} null for accepted rows; the example is the group's first record. */
  record Group(
      String file, String day, String reason, long rows, long lines, long record, String detail)
      implements Serializable {

    List<String> key() {
      return Arrays.asList(file, day, reason);
    }

    /** Two parts of one group: rows and lines add up, the example is the earlier record's. */
    Group plus(Group other) {
      Group first = record <= other.record ? this : other;
      return new Group(
          file, day, reason, rows + other.rows, lines + other.lines, first.record, first.detail);
    }
  }

  private final List<Group> groups;

  IngestCounts(List<Group> groups) {
    this.groups = List.copyOf(groups);
  }

  /** The tasks' groups merged per (file, day, reason), in no particular order. */
  static List<Group> merged(List<Group> partial) {
    Map<List<String>, Group> out = new HashMap<>();
    partial.forEach(g -> out.merge(g.key(), g, Group::plus));
    return new ArrayList<>(out.values());
  }

  List<Group> groups() {
    return groups;
  }

  /** read = accepted + rejected by reason, per partition day (every planned day present). */
  Map<LocalDate, DayCounts> byDay(List<LocalDate> days) {
    Map<LocalDate, DayCounts> out = new TreeMap<>();
    days.forEach(d -> out.put(d, DayCounts.empty()));
    for (Group g : groups) {
      LocalDate day = LocalDate.parse(g.day());
      Map<String, Long> reasons = new TreeMap<>();
      if (g.reason() != null) {
        reasons.put(g.reason(), g.rows());
      }
      long accepted = g.reason() == null ? g.rows() : 0;
      out.merge(day, new DayCounts(g.rows(), accepted, reasons), DayCounts::plus);
    }
    return out;
  }

  /**
   * Every record read from a file is one checked row, and the rows' lines are the lines its records
   * span: nothing was lost or duplicated between reading and checking (exit 3 otherwise).
   */
  void checkFiles(Map<String, FileTally> tallies) {
    Map<String, long[]> perFile = new HashMap<>();
    for (Group g : groups) {
      long[] n = perFile.computeIfAbsent(g.file(), f -> new long[2]);
      n[0] += g.rows();
      n[1] += g.lines();
    }
    for (FileTally t : tallies.values()) {
      long[] n = perFile.getOrDefault(t.file(), new long[2]);
      if (n[0] != t.records() || n[1] != t.recordLines()) {
        throw ComborecException.inputContract(
            "%s: line accounting failed: reading found %d records on %d lines, validation counted"
                + " %d rows on %d lines",
            t.file(), t.records(), t.recordLines(), n[0], n[1]);
      }
    }
  }

  /** The order files are read in: by day, then path, then record. */
  private static final Comparator<Group> READING_ORDER =
      Comparator.comparing(Group::day).thenComparing(Group::file).thenComparingLong(Group::record);

  /** Per reason: how many rows, and the first one read (file, record, detail). */
  Map<String, Group> examples() {
    Map<String, Group> out = new TreeMap<>();
    Map<String, Long> totals = new HashMap<>();
    for (Group g : groups) {
      if (g.reason() == null) {
        continue;
      }
      totals.merge(g.reason(), g.rows(), Long::sum);
      Group best = out.get(g.reason());
      if (best == null || READING_ORDER.compare(g, best) < 0) {
        out.put(g.reason(), g);
      }
    }
    out.replaceAll(
        (reason, g) ->
            new Group(g.file(), g.day(), reason, totals.get(reason), 0, g.record(), g.detail()));
    return out;
  }
}
