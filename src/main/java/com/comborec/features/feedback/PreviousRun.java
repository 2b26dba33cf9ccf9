package com.comborec.features.feedback;

import com.comborec.contract.Schemas;
import com.comborec.core.Fs;
import com.comborec.core.Json;
import com.comborec.core.OutputLayout;
import com.comborec.core.RunContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published run users saw before the run day, and what it showed. That is the newest earlier
 * day whose manifest says {@code published} and not {@code partial}: what LATEST named before this
 * run (or, on a re-run, the day before it), since readers follow LATEST.
 */
final class PreviousRun {
  private static final Logger LOG = LoggerFactory.getLogger(PreviousRun.class);
  private static final Pattern MANIFEST = Pattern.compile("dt=(\\d{4}-\\d{2}-\\d{2})\\.json");

  private PreviousRun() {}

  /** The newest complete published day before {@code runDate}, or null when there is none. */
  static LocalDate find(Fs fs, String manifestsRoot, LocalDate runDate) {
    List<LocalDate> days = new ArrayList<>();
    for (FileStatus s : fs.list(manifestsRoot)) {
      Matcher m = MANIFEST.matcher(s.getPath().getName());
      if (s.isFile() && m.matches() && LocalDate.parse(m.group(1)).isBefore(runDate)) {
        days.add(LocalDate.parse(m.group(1)));
      }
    }
    days.sort(Comparator.reverseOrder());
    for (LocalDate day : days) {
      if (complete(fs.readString(manifestsRoot + "/" + OutputLayout.dt(day) + ".json"), day)) {
        return day;
      }
    }
    return null;
  }

  private static boolean complete(String json, LocalDate day) {
    try {
      Map<String, Object> m = Json.readMap(json);
      return "published".equals(m.get("status")) && !Boolean.TRUE.equals(m.get("partial"));
    } catch (IllegalStateException e) {
      LOG.warn(
          "manifest of {} is not valid JSON, not taken as the previous run: {}",
          day,
          e.getMessage());
      return false;
    }
  }

  /**
   * Every exposure of the day's complete (_SUCCESS) surface tables; a missing table shows nothing.
   */
  static Dataset<Row> exposures(RunContext ctx, LocalDate day) {
    Dataset<Row> out = ctx.spark().createDataFrame(List.of(), FeedbackPerformance.EXPOSURES);
    Dataset<Row> recs = table(ctx, day, FeedbackPerformance.RECOMMENDATIONS);
    if (recs != null) {
      out = out.unionByName(FeedbackPerformance.recommendationExposures(recs));
    }
    Dataset<Row> fbt = table(ctx, day, FeedbackPerformance.FBT);
    if (fbt != null) {
      out = out.unionByName(FeedbackPerformance.companionExposures(fbt));
    }
    Dataset<Row> similar = table(ctx, day, FeedbackPerformance.SIMILAR);
    if (similar != null) {
      out = out.unionByName(FeedbackPerformance.neighborExposures(similar));
    }
    Dataset<Row> bundles = table(ctx, day, FeedbackPerformance.BUNDLES);
    Dataset<Row> segments = table(ctx, day, "segments");
    if (bundles != null && segments != null) {
      out = out.unionByName(FeedbackPerformance.bundleExposures(bundles, segments));
    }
    return out;
  }

  /** A published table of the day, read with its contract schema, or null when not complete. */
  private static Dataset<Row> table(RunContext ctx, LocalDate day, String table) {
    String path = ctx.layout().output(table + "/" + OutputLayout.dt(day));
    if (!ctx.fs().exists(path + "/_SUCCESS")) {
      LOG.info("no complete {} of {}: its feedback matches nothing", table, day);
      return null;
    }
    return ctx.spark().read().schema(Schemas.TABLES.get(table)).parquet(path);
  }
}
