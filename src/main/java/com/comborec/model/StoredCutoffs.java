package com.comborec.model;

import com.comborec.contract.Source;
import com.comborec.core.BuildFingerprint;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.model.evaluation.MeasuredCutoffs;
import com.comborec.model.evaluation.Metrics;
import com.comborec.model.evaluation.Protocol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MeasuredCutoffs} as one small JSON file per cutoff and key in the work store: {@code
 * <work>/model_cutoffs/cutoff=<day>/<key>.json}. The key is a SHA-256 of everything a cutoff's
 * figures depend on: comborec's classes ({@link BuildFingerprint}), the evaluation protocol (every
 * model, ranker and interaction setting it uses), and the validated files the cutoff reads (name
 * and size of each events file from the ranker's oldest training window to the end of the forward
 * window, and of each catalog and user snapshot on or before the cutoff; a rewritten partition has
 * new file names). A change to any of them gives a new key, so the cutoff is measured again; a
 * rerun of a day or the next night of the same grid step finds the file. Files are a few kilobytes,
 * one per grid step and setting, and are kept.
 */
final class StoredCutoffs implements MeasuredCutoffs {
  static final String FOLDER = "model_cutoffs";
  private static final Logger LOG = LoggerFactory.getLogger(StoredCutoffs.class);

  private final RunContext ctx;
  private final Protocol protocol;
  private final Map<Source, List<FileStatus>> inputs = new LinkedHashMap<>();

  StoredCutoffs(RunContext ctx, Protocol protocol) {
    this.ctx = ctx;
    this.protocol = protocol;
    for (Source s : List.of(Source.EVENTS, Source.PRODUCTS, Source.USERS)) {
      inputs.put(s, ctx.fs().filesUnder(ctx.layout().validatedRoot(s.folder())));
    }
  }

  @Override
  public Optional<Measured> find(LocalDate cutoff) {
    String path = path(cutoff);
    if (!ctx.fs().exists(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(Json.readMap(ctx.fs().readString(path))));
    } catch (RuntimeException e) {
      // A damaged file costs a measurement, never the run.
      LOG.warn("cutoff {}: ignoring the stored measurement {}: {}", cutoff, path, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void keep(LocalDate cutoff, Measured measured) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cutoff", cutoff.toString());
    json.put("measured_by_run", ctx.runId());
    json.put("key_parts", parts(cutoff));
    json.put("trainable", measured.trainable());
    Map<String, Object> lists = new java.util.TreeMap<>();
    measured.metrics().forEach((list, m) -> lists.put(list, Json.tree(m)));
    json.put("metrics", lists);
    ctx.fs().writeStringAtomically(path(cutoff), Json.write(json));
  }

  private String path(LocalDate cutoff) {
    return ctx.layout().workRoot(FOLDER) + "/cutoff=" + cutoff + "/" + key(cutoff) + ".json";
  }

  /** The SHA-256 of the parts' digests ({@link #parts}). */
  String key(LocalDate cutoff) {
    return sha256(parts(cutoff).toString());
  }

  /**
   * What the key is made of, each part as its own SHA-256 (kept in the file, so a re-measurement
   * can be traced to the part that changed): the build, the protocol, and per source the validated
   * files the cutoff reads.
   */
  Map<String, String> parts(LocalDate cutoff) {
    LocalDate from =
        cutoff.minusDays(
            (long) protocol.forwardDays() * protocol.ranker().trainingCutoffs()
                + protocol.lookbackDays()
                - 1);
    LocalDate to = cutoff.plusDays(protocol.forwardDays());
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("build", BuildFingerprint.current());
    parts.put("protocol", sha256(canonical(protocol)));
    inputs.forEach(
        (source, files) -> {
          boolean snapshot = source != Source.EVENTS;
          StringBuilder text = new StringBuilder();
          for (FileStatus f : files) {
            LocalDate day = partitionDay(f);
            if (day != null
                && !day.isAfter(snapshot ? cutoff : to)
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
      Map<String, String> sorted = new java.util.TreeMap<>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      return sorted.toString();
    }
    if (value instanceof java.util.Collection<?> c) {
      return c.stream().map(StoredCutoffs::canonical).toList().toString();
    }
    return String.valueOf(value);
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

  static Measured parse(Map<String, Object> json) {
    Map<String, Metrics> metrics = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> lists = (Map<String, Map<String, Object>>) json.get("metrics");
    lists.forEach(
        (list, m) ->
            metrics.put(
                list,
                new Metrics(
                    number(m, "ndcg"),
                    number(m, "precision"),
                    number(m, "recall"),
                    number(m, "map"),
                    number(m, "coverage"),
                    ((Number) m.get("users")).longValue())));
    return new Measured((Boolean) json.get("trainable"), metrics);
  }

  private static double number(Map<String, Object> m, String name) {
    return ((Number) m.get(name)).doubleValue();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
