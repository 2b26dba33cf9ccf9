package com.comborec.model;

import com.comborec.contract.Source;
import com.comborec.core.BuildFingerprint;
import com.comborec.core.RunContext;
import com.comborec.model.evaluation.Protocol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;

/**
 * The keys of {@link StoredWork}: what a cutoff's figures or a ranker depend on, each part as its
 * own SHA-256 (kept beside the result, so a re-measurement can be traced to the part that changed):
 * comborec's classes ({@link BuildFingerprint}), the evaluation protocol (every model, ranker and
 * interaction setting it uses), and per source the name and size of each validated file read (a
 * rewritten partition has new file names). The validated folders are listed once per run.
 */
final class StoreKeys {
  private final Protocol protocol;
  private final Map<Source, List<FileStatus>> inputs = new LinkedHashMap<>();

  StoreKeys(RunContext ctx, Protocol protocol) {
    this.protocol = protocol;
    for (Source s : List.of(Source.EVENTS, Source.PRODUCTS, Source.USERS)) {
      inputs.put(s, ctx.fs().filesUnder(ctx.layout().validatedRoot(s.folder())));
    }
  }

  /**
   * A cutoff's figures: events from its ranker's oldest training window to the end of its forward
   * window, snapshots on or before it.
   */
  Map<String, String> cutoff(LocalDate cutoff) {
    LocalDate oldestTraining =
        cutoff.minusDays((long) protocol.forwardDays() * protocol.ranker().trainingCutoffs());
    return parts(windowStart(oldestTraining), cutoff.plusDays(protocol.forwardDays()), cutoff, "");
  }

  /**
   * A ranker trained on {@code cutoffs} (ascending or not): events from the oldest one's window to
   * the newest one's forward end, snapshots on or before the newest.
   */
  Map<String, String> ranker(List<LocalDate> cutoffs) {
    LocalDate oldest = cutoffs.stream().min(LocalDate::compareTo).orElseThrow();
    LocalDate newest = cutoffs.stream().max(LocalDate::compareTo).orElseThrow();
    return parts(
        windowStart(oldest), newest.plusDays(protocol.forwardDays()), newest, cutoffs.toString());
  }

  /** The key: SHA-256 of the parts. */
  static String key(Map<String, String> parts) {
    return sha256(parts.toString());
  }

  private LocalDate windowStart(LocalDate cutoff) {
    return cutoff.minusDays(protocol.lookbackDays() - 1L);
  }

  private Map<String, String> parts(
      LocalDate from, LocalDate to, LocalDate snapshotsUpTo, String extra) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("build", BuildFingerprint.current());
    parts.put("protocol", sha256(canonical(protocol) + extra));
    inputs.forEach(
        (source, files) -> {
          boolean snapshot = source != Source.EVENTS;
          StringBuilder text = new StringBuilder();
          for (FileStatus f : files) {
            LocalDate day = partitionDay(f);
            if (day != null
                && !day.isAfter(snapshot ? snapshotsUpTo : to)
                && (snapshot || !day.isBefore(from))) {
              text.append(day)
                  .append(' ')
                  .append(f.getPath().getName())
                  .append(' ')
                  .append(f.getLen())
                  .append('\n');
            }
          }
          parts.put(source.folder(), sha256(text.toString()));
        });
    return parts;
  }

  /** The day of a data file's {@code dt=} folder; null for hidden and marker files. */
  private static LocalDate partitionDay(FileStatus f) {
    String name = f.getPath().getName();
    String folder = f.getPath().getParent().getName();
    if (name.startsWith(".") || name.startsWith("_") || !folder.startsWith("dt=")) {
      return null;
    }
    return LocalDate.parse(folder.substring(3));
  }

  /**
   * A record's text with every map in key order. Not {@code toString()}: the maps of {@code
   * Map.copyOf} iterate in an order that changes from one JVM to the next.
   */
  static String canonical(Object value) {
    if (value instanceof Record r) {
      StringBuilder out = new StringBuilder(r.getClass().getSimpleName()).append('[');
      for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          out.append(c.getName()).append('=').append(canonical(c.getAccessor().invoke(r)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + c, e);
        }
        out.append(';');
      }
      return out.append(']').toString();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      return sorted.toString();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(StoreKeys::canonical).toList().toString();
    }
    return String.valueOf(value);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
