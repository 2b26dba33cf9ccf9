package com.comborec.ingest;

import com.comborec.contract.Source;
import com.comborec.core.ComborecException;
import com.comborec.ingest.csv.FileTally;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import scala.Option;

/**
 * The tallies of a source's files, gathered from every task attempt that read them, failed ones
 * included. A file is read again when a task is retried or a cached partition is rebuilt, so the
 * same tally may arrive twice; it is kept once. A read error followed by a complete read of the
 * same file (a transient failure, retried) keeps the complete read; two different complete tallies
 * of one file (the file changed while it was read) fail the run.
 */
final class FileTallies {
  private final CollectionAccumulator<FileTally> accumulator;

  private FileTallies(CollectionAccumulator<FileTally> accumulator) {
    this.accumulator = accumulator;
  }

  static FileTallies register(SparkSession spark, Source source) {
    CollectionAccumulator<FileTally> tallies = new CollectionAccumulator<>();
    // Failed attempts count too: an attempt that read a file to its end and cached the rows may
    // still fail as it completes (a write error, a lost fetch); its retry then reads the cache, not
    // the file, and only the failed attempt ever saw the file's tally. Spark keeps this option
    // package-private in Scala; it is public in the bytecode.
    tallies.register(spark.sparkContext(), Option.apply("tallies " + source.folder()), true);
    return new FileTallies(tallies);
  }

  CollectionAccumulator<FileTally> accumulator() {
    return accumulator;
  }

  /** One tally per planned file, in plan order. */
  Map<String, FileTally> byFile(List<InputFile> files) {
    Map<String, FileTally> seen = new LinkedHashMap<>();
    for (FileTally t : accumulator.value()) {
      FileTally before = seen.putIfAbsent(t.file(), t);
      if (before != null && before.error() != null && t.error() == null) {
        seen.put(t.file(), t); // a failed attempt's read error, then a complete read: the retry
      } else if (before != null && before.error() == null && t.error() != null) {
        continue; // the same, in the other order
      } else if (before != null && !before.equals(t)) {
        throw ComborecException.inputContract(
            "%s: two reads of the file found different contents (%s, then %s); was it changed"
                + " while the run read it?",
            t.file(), before, t);
      }
    }
    Map<String, FileTally> out = new LinkedHashMap<>();
    for (InputFile f : files) {
      FileTally t = seen.get(f.path());
      if (t == null) {
        throw new IllegalStateException("no tally for " + f.path() + ": the file was not read");
      }
      out.put(f.path(), t);
    }
    return out;
  }

  /**
   * Fails the run (exit 3, the file named) when a file could not be read to its end, or when its
   * physical lines are not each in exactly one record or blank.
   */
  Map<String, FileTally> check(List<InputFile> files) {
    Map<String, FileTally> tallies = byFile(files);
    for (FileTally t : tallies.values()) {
      if (t.error() != null) {
        throw ComborecException.inputContract(
            "%s: the file cannot be read to its end (corrupt, truncated or not readable): %s",
            t.file(), t.error());
      }
      if (!t.linesReconcile()) {
        throw ComborecException.inputContract(
            "%s: line accounting failed: %d physical lines, but header %d + records %d + blank %d",
            t.file(), t.physicalLines(), t.headerLines(), t.recordLines(), t.blankLines());
      }
    }
    return tallies;
  }
}
