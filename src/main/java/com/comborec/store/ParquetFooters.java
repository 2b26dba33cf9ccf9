package com.comborec.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the Parquet footers of a written folder: row counts and column names without a Spark job,
 * so counting what a stage wrote costs no second pass over the data.
 */
public final class ParquetFooters {
  /** Where Spark keeps the schema it wrote, as JSON, in each file's key-value metadata. */
  private static final String SPARK_SCHEMA = "org.apache.spark.sql.parquet.row.metadata";

  /**
   * What the footers of one folder say; {@code sparkSchema} is the schema Spark wrote (null when
   * there is no file, or the files were not written by Spark).
   */
  public record Summary(long rows, int files, List<String> columns, StructType sparkSchema) {}

  private ParquetFooters() {}

  public static Summary read(Configuration hadoop, String folder) {
    try {
      Path dir = new Path(folder);
      FileSystem fs = dir.getFileSystem(hadoop);
      long rows = 0;
      int files = 0;
      List<String> columns = new ArrayList<>();
      StructType sparkSchema = null;
      // Built from the session's configuration: ParquetFileReader.open(file) alone builds its
      // options from a new Hadoop Configuration, which parses Hadoop's default XML resources on
      // every call (about 1 s of the driver's time over the quick start's footer reads).
      ParquetReadOptions options = HadoopReadOptions.builder(hadoop).build();
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (!status.isFile()
            || !name.endsWith(".parquet")
            || name.startsWith("_")
            || name.startsWith(".")) {
          continue;
        }
        try (ParquetFileReader reader =
            ParquetFileReader.open(HadoopInputFile.fromStatus(status, hadoop), options)) {
          ParquetMetadata meta = reader.getFooter();
          rows += reader.getRecordCount();
          files++;
          if (columns.isEmpty()) {
            MessageType schema = meta.getFileMetaData().getSchema();
            schema.getFields().forEach(f -> columns.add(f.getName()));
            String json = meta.getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA);
            sparkSchema = json == null ? null : (StructType) DataType.fromJson(json);
          }
        }
      }
      return new Summary(rows, files, columns, sparkSchema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Parquet footers under " + folder, e);
    }
  }
}
