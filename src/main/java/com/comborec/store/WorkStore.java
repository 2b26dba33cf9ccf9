package com.comborec.store;

import com.comborec.contract.Schemas;
import com.comborec.core.RunContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Reads and writes the run day's {@link WorkDataset}s. Both directions check the declared schema up
 * front, as Spark's {@code validateAndTransformSchema} does, and fail naming the dataset: a writer
 * that drifted is caught before it writes, a reader before it computes anything.
 */
public final class WorkStore {
  private WorkStore() {}

  /** Writes the dataset's declared columns, in declared order; returns its rows (footers). */
  public static long write(RunContext ctx, WorkDataset dataset, Dataset<Row> rows) {
    check(dataset, rows.schema(), "written");
    Column[] columns =
        Arrays.stream(dataset.schema().fieldNames()).map(functions::col).toArray(Column[]::new);
    String path = path(ctx, dataset);
    ctx.step(
        "write " + dataset.folder() + "/dt=" + ctx.runDate(),
        () -> rows.select(columns).write().mode(SaveMode.Overwrite).parquet(path));
    return ParquetFooters.read(ctx.fs().hadoop(), path).rows();
  }

  /** The run day's dataset; fails naming it and its writer when absent or of the wrong shape. */
  public static Dataset<Row> read(RunContext ctx, WorkDataset dataset) {
    return readIfPresent(ctx, dataset)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    String.format(
                        "work dataset %s is missing at %s: run the %s stage for %s first",
                        dataset.folder(), path(ctx, dataset), dataset.writer(), ctx.runDate())));
  }

  /** The run day's dataset, or empty when its stage did not run (optional inputs). */
  public static Optional<Dataset<Row>> readIfPresent(RunContext ctx, WorkDataset dataset) {
    String path = path(ctx, dataset);
    if (!ctx.fs().exists(path)) {
      return Optional.empty();
    }
    StructType stored = ParquetFooters.read(ctx.fs().hadoop(), path).sparkSchema();
    if (stored != null) { // null: no part file (Spark wrote an empty dataset without one)
      check(dataset, stored, "stored");
    }
    return Optional.of(ctx.spark().read().schema(dataset.schema()).parquet(path));
  }

  public static boolean exists(RunContext ctx, WorkDataset dataset) {
    return ctx.fs().exists(path(ctx, dataset));
  }

  /** {@code <work>/<name>/dt=<run day>}. */
  public static String path(RunContext ctx, WorkDataset dataset) {
    return ctx.layout().work(dataset.folder());
  }

  /** The columns of {@code actual} that differ from the declaration, or nothing. */
  static void check(WorkDataset dataset, StructType actual, String what) {
    List<String> mismatches = Schemas.mismatches(dataset.schema(), actual);
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException(
          String.format(
              "work dataset %s as %s does not match its declaration in WorkSchemas: %s",
              dataset.folder(), what, mismatches));
    }
  }
}
