package com.comborec.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a source's files into the tasks that read them: whole partition days, contiguous in day
 * order, balanced by size. A day's files stay in one task, in path order, so a day's rows are
 * written by one task (one Parquet file per day), the duplicate-key rule needs no shuffle ({@link
 * FirstKeyWins} relies on this), and a few tasks read many small daily files without a task each.
 */
final class FileBins {
  private FileBins() {}

  static List<List<RawReader.FileSpec>> of(List<RawReader.FileSpec> files, int slots) {
    Map<String, List<RawReader.FileSpec>> days = new LinkedHashMap<>();
    files.stream()
        .sorted(
            (a, b) ->
                a.day().equals(b.day()) ? a.path().compareTo(b.path()) : a.day().compareTo(b.day()))
        .forEach(f -> days.computeIfAbsent(f.day(), d -> new ArrayList<>()).add(f));
    int bins = Math.max(1, Math.min(days.size(), slots));
    long total = files.stream().mapToLong(f -> Math.max(1, f.weight())).sum();
    List<List<RawReader.FileSpec>> out = new ArrayList<>();
    List<RawReader.FileSpec> bin = new ArrayList<>();
    long filled = 0;
    long done = 0;
    int left = days.size();
    for (List<RawReader.FileSpec> day : days.values()) {
      bin.addAll(day);
      long w = day.stream().mapToLong(f -> Math.max(1, f.weight())).sum();
      filled += w;
      done += w;
      left--;
      int binsLeft = bins - out.size() - 1;
      // Close the bin at its fair share of what remains, keeping a day for every bin still open.
      if (binsLeft > 0 && (filled * (binsLeft + 1) >= total - done + filled || left == binsLeft)) {
        out.add(bin);
        bin = new ArrayList<>();
        filled = 0;
      }
    }
    if (!bin.isEmpty()) {
      out.add(bin);
    }
    return out;
  }
}
