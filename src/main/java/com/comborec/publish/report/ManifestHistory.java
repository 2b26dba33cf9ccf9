package com.comborec.publish.report;

import com.comborec.core.Fs;
import com.comborec.core.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the manifests of the runs before a day, for the report's history charts. */
public final class ManifestHistory {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestHistory.class);
  private static final Pattern NAME = Pattern.compile("dt=(\\d{4}-\\d{2}-\\d{2})\\.json");

  private ManifestHistory() {}

  /**
   * Up to {@code n} manifests of days before {@code day}, oldest first; unreadable ones are
   * skipped.
   */
  public static List<Map<String, Object>> before(
      Fs fs, String manifestsRoot, LocalDate day, int n) {
    List<LocalDate> days = new ArrayList<>();
    for (FileStatus f : fs.list(manifestsRoot)) {
      LocalDate d = dayOf(f.getPath().getName());
      if (f.isFile() && d != null && d.isBefore(day)) {
        days.add(d);
      }
    }
    days.sort(null);
    List<Map<String, Object>> out = new ArrayList<>();
    for (LocalDate d : days.subList(Math.max(0, days.size() - n), days.size())) {
      String path = manifestsRoot + "/dt=" + d + ".json";
      try {
        out.add(Json.readMap(fs.readString(path)));
      } catch (RuntimeException e) {
        LOG.warn("[report] skipping unreadable manifest {}: {}", path, e.getMessage());
      }
    }
    return out;
  }

  /** The day of a manifest file name {@code dt=YYYY-MM-DD.json}, or null for any other file. */
  static LocalDate dayOf(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group(1));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
