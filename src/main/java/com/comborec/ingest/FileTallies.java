package com.comborec.ingest;

import com.comborec.contract.Source;
import com.comborec.core.ComborecException;
import com.comborec.ingest.csv.FileTally;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;

/**
 * The tallies of a source's files, gathered from the tasks that read them. A file is read again
 * when a task is retried or a cached partition is rebuilt, so the same tally may arrive twice; it
 * is kept once, and two different tallies of one file (the file changed while it was read) fail the
 * run.
 */
final class FileTallies {
  private final CollectionAccumulator<FileTally> accumulator;

  private FileTallies(CollectionAccumulator<FileTally> accumulator) {
    this.accumulator = accumulator;
  }

  static FileTallies register(SparkSession spark, Source source) {
    return new FileTallies(
        spark.sparkContext().collectionAccumulator("tallies " + source.folder()));
  }

  CollectionAccumulator<FileTally> accumulator() {
    return accumulator;
  }

  /** One tally per planned file, in plan order. */
  Map<String, FileTally> byFile(List<InputFile> files) {
    Map<String, FileTally> seen = new LinkedHashMap<>();
    for (FileTally t : accumulator.value()) {
      FileTally before = seen.putIfAbsent(t.file(), t);
      if (before != null && !before.equals(t)) {
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
