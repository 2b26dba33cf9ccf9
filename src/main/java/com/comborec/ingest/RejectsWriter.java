package com.comborec.ingest;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.core.OutputLayout;
import com.comborec.core.RunContext;
import com.comborec.core.StagedTables;
import com.comborec.privacy.PrivacyFilter;
import com.comborec.store.EmptyTables;
import com.comborec.store.ParquetFooters;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages the rejects of a source, one folder per input partition day, and logs an example per
 * reason.
 */
final class RejectsWriter {
  private static final Logger LOG = LoggerFactory.getLogger(RejectsWriter.class);

  private RejectsWriter() {}

  static void stage(
      RunContext ctx,
      Source source,
      Dataset<Row> rejectedWithDt,
      List<LocalDate> days,
      EmptyTables empty) {
    List<String> mismatches =
        Schemas.mismatches(Schemas.REJECTS, rejectedWithDt.drop("dt").schema());
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException("rejects do not match the contract: " + mismatches);
    }
    String root = ctx.layout().staged("rejects/" + source.folder());
    // Raw lines of sources with user ids are dropped when pseudonymisation is on. No shuffle by
    // day: the reader keeps each day in one task (FileBins), so each day still gets one file.
    PrivacyFilter.apply(ctx, "rejects", rejectedWithDt)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("dt")
        .parquet(root);
    for (LocalDate day : days) {
      String relative = OutputLayout.relativeRejects(source.folder(), day);
      String staged = ctx.layout().staged(relative);
      if (!ctx.fs().exists(staged)) {
        // A clean day still gets its (empty) rejects folder, so readers see the day was checked.
        empty.write(Schemas.REJECTS, staged);
      }
      ParquetFooters.Summary s = ParquetFooters.read(ctx.fs().hadoop(), staged);
      ctx.staged().add(new StagedTables.Entry(relative, "rejects", s.rows(), s.files()));
    }
  }

  /** One example per reason, so the log alone tells an operator what is wrong and where. */
  static void logExamples(Source source, IngestCounts counts) {
    counts
        .examples()
        .forEach(
            (reason, e) ->
                LOG.warn(
                    "[ingest] {}: {} row(s) rejected as {}; e.g. {} record {}: {}",
                    source.folder(),
                    e.rows(),
                    reason,
                    e.file(),
                    e.record(),
                    e.detail()));
  }
}
