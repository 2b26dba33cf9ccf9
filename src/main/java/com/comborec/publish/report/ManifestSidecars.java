package com.comborec.publish.report;

import com.comborec.core.Fs;
import com.comborec.core.Json;
import com.comborec.core.OutputLayout;
import com.comborec.core.RunContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is written beside a run's manifest once it exists: the HTML report ({@code
 * _manifests/dt=D.html}) and, for a partial run, its per-stage copy (see {@link StageManifests}).
 * Never fails the run: a report is a convenience, the manifest is the record.
 */
public final class ManifestSidecars {
  private static final Logger LOG = LoggerFactory.getLogger("comborec");
  private static final int MAX_ROWS = 200;

  private ManifestSidecars() {}

  /** After {@code ManifestWriter.write}: the report, and a partial run's stage copy. */
  public static void write(RunContext ctx, Map<String, Object> manifest) {
    write(ctx.spark(), ctx.fs(), ctx.layout(), manifest);
  }

  public static void write(
      SparkSession spark, Fs fs, OutputLayout layout, Map<String, Object> manifest) {
    try {
      StageManifests.keep(fs, layout, manifest);
    } catch (RuntimeException e) {
      LOG.warn(
          "[report] could not keep the stage manifest copy under {}: {}",
          StageManifests.folder(layout),
          e.toString());
    }
    try {
      writeReport(spark, fs, layout, manifest);
    } catch (RuntimeException e) {
      LOG.warn("[report] could not write {}: {}", layout.report(), e.toString());
    }
  }

  /** Renders and writes {@code _manifests/dt=D.html} atomically. */
  public static void writeReport(
      SparkSession spark, Fs fs, OutputLayout layout, Map<String, Object> manifest) {
    List<Map<String, Object>> history =
        ManifestHistory.before(
            fs, layout.manifestsRoot(), layout.runDate(), RunReportPage.HISTORY_RUNS - 1);
    Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    tables.put(
        "bundles", committedRows(spark, fs, layout, manifest, "bundles", "segment_id", "rank"));
    tables.put(
        "segment_profiles",
        committedRows(spark, fs, layout, manifest, "segment_profiles", "segment_id"));
    fs.writeStringAtomically(layout.report(), RunReportPage.render(manifest, history, tables));
    LOG.info("[report] {}", layout.report());
  }

  /**
   * The first rows of a small table of the day, only when this run committed it (never older ones).
   */
  static List<Map<String, Object>> committedRows(
      SparkSession spark,
      Fs fs,
      OutputLayout layout,
      Map<String, Object> manifest,
      String table,
      String... orderBy) {
    String path = layout.table(table);
    boolean committed =
        Boolean.TRUE.equals(Manifests.get(manifest, "outputs." + table + ".committed"));
    if (!committed || !fs.exists(path + "/_SUCCESS")) {
      return List.of();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    spark
        .read()
        .parquet(path)
        .orderBy(orderBy[0], java.util.Arrays.copyOfRange(orderBy, 1, orderBy.length))
        .limit(MAX_ROWS)
        .toJSON()
        .collectAsList()
        .forEach(json -> rows.add(Json.readMap(json)));
    return rows;
  }
}
