package com.comborec.it;

import com.comborec.DuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares two output roots of the same run day with DuckDB: the same published partition folders,
 * the same row counts, and the same rows for the tables whose content does not depend on how Spark
 * split the work (ALS, the solver's time limits, and floating-point rounding in KMeans' sums may
 * legitimately differ).
 */
final class OutputComparison {
  private OutputComparison() {}

  /**
   * Every published partition folder with {@code _SUCCESS}, relative to the root, e.g. {@code
   * rejects/events/dt=D}.
   */
  static Set<String> partitions(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      Set<String> out = new TreeSet<>();
      files
          .filter(p -> p.getFileName().toString().equals("_SUCCESS"))
          .map(p -> root.relativize(p.getParent()).toString())
          .filter(rel -> !rel.startsWith("_") && !rel.startsWith("."))
          .forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table a partition folder belongs to: its first path segment. */
  static String table(String partition) {
    return partition.substring(0, partition.indexOf('/'));
  }

  /** Human-readable differences of {@code actual} from {@code expected}; empty when they agree. */
  static List<String> differences(Path expected, Path actual, Set<String> exactTables) {
    List<String> diffs = new ArrayList<>();
    Set<String> want = partitions(expected);
    Set<String> got = partitions(actual);
    if (!want.equals(got)) {
      diffs.add(
          "partition folders differ: only in "
              + expected
              + ": "
              + minus(want, got)
              + "; only in "
              + actual
              + ": "
              + minus(got, want));
    }
    try (DuckDb db = new DuckDb()) {
      for (String p : want) {
        if (!got.contains(p)) {
          continue;
        }
        long a = db.count("SELECT count(*) FROM " + parquet(expected, p));
        long b = db.count("SELECT count(*) FROM " + parquet(actual, p));
        if (a != b) {
          diffs.add(p + ": " + a + " rows expected, " + b + " rows");
        } else if (exactTables.contains(table(p))) {
          rowDifference(db, expected, actual, p).ifPresent(diffs::add);
        }
      }
    }
    return diffs;
  }

  private static java.util.Optional<String> rowDifference(
      DuckDb db, Path expected, Path actual, String p) {
    String missing =
        "SELECT * FROM " + parquet(expected, p) + " EXCEPT ALL SELECT * FROM " + parquet(actual, p);
    String extra =
        "SELECT * FROM " + parquet(actual, p) + " EXCEPT ALL SELECT * FROM " + parquet(expected, p);
    List<Map<String, Object>> m = db.query(missing + " LIMIT 1");
    List<Map<String, Object>> x = db.query(extra + " LIMIT 1");
    if (m.isEmpty() && x.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        p + ": rows differ; e.g. expected but absent " + m + ", present but unexpected " + x);
  }

  static String parquet(Path root, String partition) {
    return "read_parquet('" + root.resolve(partition) + "/*.parquet')";
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}
