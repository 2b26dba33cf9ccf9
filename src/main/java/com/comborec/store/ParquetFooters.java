package com.comborec.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the Parquet footers of a written folder: row counts and column names without a Spark job,
 * so counting what a stage wrote costs no second pass over the data.
 */
public final class ParquetFooters {
  /** What the footers of one folder say. */
  public record Summary(long rows, int files, List<String> columns) {}

  private ParquetFooters() {}

  public static Summary read(Configuration hadoop, String folder) {
    try {
      Path dir = new Path(folder);
      FileSystem fs = dir.getFileSystem(hadoop);
      long rows = 0;
      int files = 0;
      List<String> columns = new ArrayList<>();
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (!status.isFile()
            || !name.endsWith(".parquet")
            || name.startsWith("_")
            || name.startsWith(".")) {
          continue;
        }
        try (ParquetFileReader reader =
            ParquetFileReader.open(HadoopInputFile.fromStatus(status, hadoop))) {
          ParquetMetadata meta = reader.getFooter();
          rows += reader.getRecordCount();
          files++;
          if (columns.isEmpty()) {
            MessageType schema = meta.getFileMetaData().getSchema();
            schema.getFields().forEach(f -> columns.add(f.getName()));
          }
        }
      }
      return new Summary(rows, files, columns);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Parquet footers under " + folder, e);
    }
  }
}
