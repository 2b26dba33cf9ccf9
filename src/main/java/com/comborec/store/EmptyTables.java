package com.comborec.store;

import com.comborec.core.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.types.StructType;

/**
 * Empty Parquet folders (a schema-only file plus _SUCCESS) for days with no rows, e.g. a clean
 * day's rejects. One Spark write per schema makes a template; each further folder is a file copy,
 * so a 200-day catch-up does not pay 200 Spark jobs for nothing.
 */
public final class EmptyTables {
  private final RunContext ctx;
  private final Map<StructType, String> templates = new HashMap<>();

  public EmptyTables(RunContext ctx) {
    this.ctx = ctx;
  }

  public void write(StructType schema, String folder) {
    String template = templates.computeIfAbsent(schema, this::template);
    try {
      for (FileStatus f : ctx.fs().list(template)) {
        Path dst = new Path(folder, f.getPath().getName());
        FileUtil.copy(
            ctx.fs().fs(template), f.getPath(), ctx.fs().fs(folder), dst, false, ctx.fs().hadoop());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an empty table at " + folder, e);
    }
  }

  private String template(StructType schema) {
    String path = ctx.layout().stagingRoot() + "/_empty-" + Integer.toHexString(schema.hashCode());
    ctx.spark()
        .createDataFrame(List.of(), schema)
        .coalesce(1)
        .write()
        .mode("overwrite")
        .parquet(path);
    return path;
  }
}
