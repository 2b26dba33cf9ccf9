package com.comborec.store;

import com.comborec.contract.Schemas;
import com.comborec.core.RunContext;
import com.comborec.core.StagedTables;
import com.comborec.privacy.PrivacyFilter;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;

/**
 * Stages a public table: checks it against its contract schema, writes it under the run's {@code
 * _staging} folder and registers it (with its footer row count) for the commit.
 */
public final class TableWriter {
  private TableWriter() {}

  /** Stages {@code <table>/dt=<run day>}. */
  public static long stage(RunContext ctx, String table, Dataset<Row> rows) {
    return stage(ctx, table, ctx.layout().relativeTable(table), rows);
  }

  /** Stages a table at a path relative to the output root (rejects use their partition day). */
  public static long stage(RunContext ctx, String table, String relativePath, Dataset<Row> staged) {
    Dataset<Row> rows = PrivacyFilter.apply(ctx, table, staged);
    StructType expected = Schemas.TABLES.get(table);
    if (expected == null) {
      throw new IllegalArgumentException("not a contract table: " + table);
    }
    List<String> mismatches = Schemas.mismatches(expected, rows.schema());
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException(
          "table " + table + " does not match the contract: " + mismatches);
    }
    String target = ctx.layout().staged(relativePath);
    int files = ctx.config().get(PublishSettings.SECTION).filesPerTable();
    ctx.step(
        "stage " + relativePath,
        () -> rows.repartition(files).write().mode(SaveMode.Overwrite).parquet(target));
    ParquetFooters.Summary summary = ParquetFooters.read(ctx.fs().hadoop(), target);
    ctx.staged().add(new StagedTables.Entry(relativePath, table, summary.rows(), summary.files()));
    return summary.rows();
  }

  /** Writes an internal dataset to the work store (not public, not staged). */
  public static long writeWork(RunContext ctx, String path, Dataset<Row> rows) {
    ctx.step(
        "write " + path.substring(path.lastIndexOf("/", path.lastIndexOf("/") - 1) + 1),
        () -> rows.write().mode(SaveMode.Overwrite).parquet(path));
    return ParquetFooters.read(ctx.fs().hadoop(), path).rows();
  }
}
