package com.comborec.model;

import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.model.evaluation.EarlierWork;
import com.comborec.model.evaluation.Metrics;
import com.comborec.model.evaluation.Protocol;
import com.comborec.model.ranker.Ranker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EarlierWork} in the work store, under {@code <work>/model_store/}: a cutoff's figures as
 * {@code cutoff=<day>/<key>.json} (a few kilobytes), its labelled ranker rows as {@code
 * cutoff=<day>/<key>-rows/} (Parquet in {@code rows/}, then {@code rows.json} with their schema), a
 * ranker as {@code ranker=<grid day>/<key>/} (the MLlib pipeline in {@code model/}, then {@code
 * ranker.json}). The JSON is written last, so rows or a ranker whose save was cut short are not
 * found. The key ({@link StoreKeys}) changes with the build, any setting the evaluation uses, or
 * any validated file the result read, so such a change measures or fits again; a rerun of a day or
 * the next night of the same grid step finds the result. The model stage then {@linkplain #prune
 * prunes} what no later night can find.
 */
final class StoredWork implements EarlierWork {
  static final String FOLDER = "model_store";
  private static final Logger LOG = LoggerFactory.getLogger(StoredWork.class);

  private final RunContext ctx;
  private final Protocol protocol;
  private final StoreKeys keys;

  StoredWork(RunContext ctx, Protocol protocol) {
    this.ctx = ctx;
    this.protocol = protocol;
    this.keys = new StoreKeys(ctx, protocol);
  }

  /**
   * Deletes what no night from {@code day} on can find, and returns the paths deleted: the folders
   * of cutoffs before the oldest training cutoff of the rankers {@code day}'s inner cutoffs are
   * measured with, of rankers before its oldest inner cutoff, and every entry of a kept cutoff
   * whose key is not today's. Such an entry was stored under another build, setting or input files
   * and can no longer be found; with {@code privacy.retention-days} on, expiring a validated
   * partition changes the key, so ranker rows (user ids and features) go the night after the data
   * they came from.
   */
  List<String> prune(LocalDate day) {
    List<LocalDate> inner = protocol.innerCutoffs(day);
    LocalDate oldestRanker = inner.isEmpty() ? protocol.gridDay(day) : Collections.min(inner);
    List<LocalDate> training = protocol.rankerCutoffs(oldestRanker);
    LocalDate oldestCutoff = training.isEmpty() ? oldestRanker : Collections.min(training);
    List<String> deleted = new ArrayList<>();
    for (FileStatus folder : ctx.fs().list(root())) {
      String name = folder.getPath().getName();
      String path = folder.getPath().toString();
      LocalDate folderDay = dayOf(name);
      if (folderDay == null) {
        continue;
      }
      if (name.startsWith("ranker=") && folderDay.isBefore(oldestRanker)) {
        deleted.add(path);
      } else if (name.startsWith("cutoff=") && folderDay.isBefore(oldestCutoff)) {
        deleted.add(path);
      } else if (name.startsWith("cutoff=")) {
        String current = StoreKeys.key(keys.cutoff(folderDay));
        for (FileStatus entry : ctx.fs().list(path)) {
          // Hadoop's checksum files (.<name>.crc) follow their file.
          String entryName = entry.getPath().getName().replaceFirst("^\\.", "");
          if (!entryName.startsWith(current)) {
            deleted.add(entry.getPath().toString());
          }
        }
      }
    }
    deleted.forEach(ctx.fs()::delete);
    return deleted;
  }

  /** The day of a {@code cutoff=} or {@code ranker=} folder; null for anything else. */
  private static LocalDate dayOf(String folderName) {
    if (!folderName.startsWith("cutoff=") && !folderName.startsWith("ranker=")) {
      return null;
    }
    try {
      return LocalDate.parse(folderName.substring(folderName.indexOf('=') + 1));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  @Override
  public Optional<Measured> find(LocalDate cutoff) {
    String path = cutoffPath(cutoff);
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
    json.put("stored_by_run", ctx.runId());
    json.put("key_parts", keys.cutoff(cutoff));
    json.put("trainable", measured.trainable());
    Map<String, Object> lists = new TreeMap<>();
    measured.metrics().forEach((list, m) -> lists.put(list, Json.tree(m)));
    json.put("metrics", lists);
    ctx.fs().writeStringAtomically(cutoffPath(cutoff), Json.write(json));
  }

  @Override
  public Optional<Dataset<Row>> findRows(LocalDate cutoff) {
    String dir = rowsPath(cutoff);
    if (!ctx.fs().exists(dir + "/rows.json")) {
      return Optional.empty();
    }
    try {
      String schema = (String) Json.readMap(ctx.fs().readString(dir + "/rows.json")).get("schema");
      // The schema as written: an empty cutoff's files alone would not give it.
      return Optional.of(
          ctx.spark().read().schema((StructType) DataType.fromJson(schema)).parquet(dir + "/rows"));
    } catch (RuntimeException e) {
      LOG.warn("cutoff {}: ignoring the stored ranker rows in {}: {}", cutoff, dir, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void keepRows(LocalDate cutoff, Dataset<Row> rows) {
    String dir = rowsPath(cutoff);
    ctx.fs().delete(dir + "/rows.json");
    rows.write().mode(SaveMode.Overwrite).parquet(dir + "/rows");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cutoff", cutoff.toString());
    json.put("stored_by_run", ctx.runId());
    json.put("key_parts", keys.cutoff(cutoff));
    json.put("schema", rows.schema().json());
    ctx.fs().writeStringAtomically(dir + "/rows.json", Json.write(json));
  }

  @Override
  public Optional<Ranker.Fitted> findRanker(LocalDate gridDay, List<LocalDate> cutoffs) {
    String dir = rankerPath(gridDay, cutoffs);
    if (!ctx.fs().exists(dir + "/ranker.json")) {
      return Optional.empty();
    }
    try {
      @SuppressWarnings("unchecked")
      List<String> features =
          (List<String>) Json.readMap(ctx.fs().readString(dir + "/ranker.json")).get("features");
      return Optional.of(new Ranker.Fitted(PipelineModel.load(dir + "/model"), features));
    } catch (RuntimeException e) {
      LOG.warn("ranker for {}: ignoring the stored one in {}: {}", gridDay, dir, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void keepRanker(LocalDate gridDay, List<LocalDate> cutoffs, Ranker.Fitted ranker) {
    String dir = rankerPath(gridDay, cutoffs);
    try {
      ranker.model().write().overwrite().save(dir + "/model");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the ranker in " + dir, e);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("grid_day", gridDay.toString());
    json.put("cutoffs", cutoffs.stream().map(LocalDate::toString).toList());
    json.put("stored_by_run", ctx.runId());
    json.put("key_parts", keys.ranker(cutoffs));
    json.put("features", ranker.features());
    ctx.fs().writeStringAtomically(dir + "/ranker.json", Json.write(json));
  }

  String cutoffPath(LocalDate cutoff) {
    return root() + "/cutoff=" + cutoff + "/" + StoreKeys.key(keys.cutoff(cutoff)) + ".json";
  }

  String rowsPath(LocalDate cutoff) {
    return root() + "/cutoff=" + cutoff + "/" + StoreKeys.key(keys.cutoff(cutoff)) + "-rows";
  }

  String rankerPath(LocalDate gridDay, List<LocalDate> cutoffs) {
    return root() + "/ranker=" + gridDay + "/" + StoreKeys.key(keys.ranker(cutoffs));
  }

  private String root() {
    return ctx.layout().workRoot(FOLDER);
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
}
