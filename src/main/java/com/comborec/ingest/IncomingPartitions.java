package com.comborec.ingest;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.store.EmptyTables;
import com.comborec.store.ParquetFooters;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Validated partitions written by this run but not yet committed. They live in a hidden {@code
 * _incoming-<run>} folder until the gates pass, then each is renamed into place, so a refused or
 * failed run never changes what later stages and later runs read.
 */
final class IncomingPartitions {
  private final RunContext ctx;
  private final EmptyTables empty;

  IncomingPartitions(RunContext ctx, EmptyTables empty) {
    this.ctx = ctx;
    this.empty = empty;
  }

  static String incomingRoot(RunContext ctx, Source source) {
    return ctx.layout().validatedRoot(source.folder())
        + "/_incoming-"
        + ctx.runId().replaceAll("[^A-Za-z0-9-]", "");
  }

  String path(Source source, LocalDate day) {
    return incomingRoot(ctx, source) + "/dt=" + day;
  }

  void write(Source source, Dataset<Row> acceptedWithDt) {
    acceptedWithDt
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("dt")
        .parquet(incomingRoot(ctx, source));
  }

  long rows(Source source, LocalDate day) {
    String p = path(source, day);
    return ctx.fs().exists(p) ? ParquetFooters.read(ctx.fs().hadoop(), p).rows() : 0L;
  }

  /** Moves every partition into the work store, replacing an earlier ingest of the same day. */
  void commitAll(Map<Source, Map<LocalDate, DayCounts>> counts, IngestPlan plan) {
    counts.forEach(
        (source, byDay) ->
            byDay.forEach((day, c) -> commit(source, day, c, plan.fingerprint(source, day))));
  }

  private void commit(Source source, LocalDate day, DayCounts counts, String fingerprint) {
    String from = path(source, day);
    if (!ctx.fs().exists(from)) {
      // No accepted row that day: an empty partition still records that the day was ingested.
      empty.write(Schemas.validated(source), from);
    }
    String to = ctx.layout().validated(source.folder(), day);
    ctx.fs().delete(to);
    ctx.fs().mkdirs(ctx.layout().validatedRoot(source.folder()));
    ctx.fs().rename(from, to);
    java.util.Map<String, Object> sidecar = new java.util.LinkedHashMap<>(counts.toMap());
    sidecar.put("input_fingerprint", fingerprint);
    ctx.fs().writeStringAtomically(to + "/_counts.json", Json.write(sidecar));
  }

  void cleanUp() {
    for (Source s : Source.values()) {
      ctx.fs().delete(incomingRoot(ctx, s));
    }
  }
}
