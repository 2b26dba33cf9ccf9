package com.comborec.store;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.core.RunContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Read access to validated inputs in the work store, for every stage after ingest. Daily sources
 * come back with a {@code dt} date column; snapshots are the newest on or before the run day.
 */
public final class ValidatedStore {
  private ValidatedStore() {}

  /**
   * Validated rows of a daily source for partition days in [from, to]; empty with schema if none.
   */
  public static Dataset<Row> daily(RunContext ctx, Source source, LocalDate from, LocalDate to) {
    List<String> paths = new ArrayList<>();
    for (LocalDate day : partitionDays(ctx, source)) {
      if (!day.isBefore(from) && !day.isAfter(to)) {
        paths.add(ctx.layout().validated(source.folder(), day));
      }
    }
    if (paths.isEmpty()) {
      return empty(ctx, source).withColumn("dt", functions.lit(null).cast("date"));
    }
    return ctx.spark()
        .read()
        .option("basePath", ctx.layout().validatedRoot(source.folder()))
        .schema(Schemas.validated(source))
        .parquet(paths.toArray(String[]::new))
        .withColumn("dt", functions.col("dt").cast("date"));
  }

  /** Validated events of the look-back window ending on the run day (inclusive). */
  public static Dataset<Row> events(RunContext ctx, int lookbackDays) {
    return daily(ctx, Source.EVENTS, ctx.runDate().minusDays(lookbackDays - 1L), ctx.runDate());
  }

  /** The newest validated snapshot on or before the run day; empty with schema if none. */
  public static Dataset<Row> snapshot(RunContext ctx, Source source) {
    return snapshot(ctx, source, ctx.runDate());
  }

  /** The snapshot in force on {@code day}: the newest on or before it (backtest cutoffs). */
  public static Dataset<Row> snapshot(RunContext ctx, Source source, LocalDate day) {
    LocalDate newest = newestOnOrBefore(partitionDays(ctx, source), day);
    if (newest == null) {
      return empty(ctx, source);
    }
    return ctx.spark()
        .read()
        .schema(Schemas.validated(source))
        .parquet(ctx.layout().validated(source.folder(), newest));
  }

  public static Dataset<Row> products(RunContext ctx) {
    return snapshot(ctx, Source.PRODUCTS);
  }

  public static Dataset<Row> users(RunContext ctx) {
    return snapshot(ctx, Source.USERS);
  }

  /** Days with a committed validated partition, ascending. */
  public static List<LocalDate> partitionDays(RunContext ctx, Source source) {
    List<LocalDate> days = new ArrayList<>();
    for (FileStatus s : ctx.fs().list(ctx.layout().validatedRoot(source.folder()))) {
      String name = s.getPath().getName();
      if (s.isDirectory() && name.startsWith("dt=")) {
        days.add(LocalDate.parse(name.substring(3)));
      }
    }
    return days;
  }

  public static LocalDate newestOnOrBefore(List<LocalDate> days, LocalDate day) {
    LocalDate best = null;
    for (LocalDate d : days) {
      if (!d.isAfter(day) && (best == null || d.isAfter(best))) {
        best = d;
      }
    }
    return best;
  }

  private static Dataset<Row> empty(RunContext ctx, Source source) {
    return ctx.spark().createDataFrame(List.of(), Schemas.validated(source));
  }
}
