package com.comborec.ingest;

import com.comborec.contract.Source;
import com.comborec.core.Fs;
import com.comborec.store.ValidatedStore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;

/** Finds the {@code dt=} partitions of an input source and the CSV files inside them. */
public final class PartitionFinder {
  private final Fs fs;
  private final String inputRoot;

  public PartitionFinder(Fs fs, String inputRoot) {
    this.fs = fs;
    this.inputRoot = inputRoot;
  }

  public String sourceRoot(Source source) {
    return inputRoot + "/" + source.folder();
  }

  public String partitionPath(Source source, LocalDate day) {
    return sourceRoot(source) + "/dt=" + day;
  }

  /**
   * Partition days present for a source, ascending; folders that are not dt=YYYY-MM-DD are ignored.
   */
  public List<LocalDate> days(Source source) {
    List<LocalDate> days = new ArrayList<>();
    for (FileStatus s : fs.list(sourceRoot(source))) {
      String name = s.getPath().getName();
      if (s.isDirectory() && name.startsWith("dt=")) {
        try {
          days.add(LocalDate.parse(name.substring(3)));
        } catch (DateTimeParseException ignored) {
          // Not a partition of ours (e.g. dt=latest); the contract only defines dated folders.
        }
      }
    }
    return days;
  }

  /** The CSV files of one partition ({@code *.csv} and {@code *.csv.gz}), hidden files skipped. */
  public List<String> files(Source source, LocalDate day) {
    List<String> files = new ArrayList<>();
    for (FileStatus s : fs.list(partitionPath(source, day))) {
      String name = s.getPath().getName();
      boolean hidden = name.startsWith("_") || name.startsWith(".");
      if (s.isFile() && !hidden && (name.endsWith(".csv") || name.endsWith(".csv.gz"))) {
        files.add(s.getPath().toString());
      }
    }
    return files;
  }

  public static LocalDate newestOnOrBefore(List<LocalDate> days, LocalDate day) {
    return ValidatedStore.newestOnOrBefore(days, day);
  }
}
