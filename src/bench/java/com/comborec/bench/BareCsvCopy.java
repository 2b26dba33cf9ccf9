package com.comborec.bench;

import com.comborec.contract.InputColumn;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The baseline for the ingest benchmark: Spark's own CSV reader with the contract's column types
 * (taken by name from each file's header), straight to Parquet partitioned by {@code dt}. No
 * validation, no rejects, no record numbers, no counts: the least any ingest has to do.
 */
public final class BareCsvCopy {
  private BareCsvCopy() {}

  /**
   * Copies the given partition days of one source from {@code inputRoot/<source>/dt=D} to {@code
   * outRoot/<source>/dt=D}.
   *
   * @param multiLine Spark's multiLine CSV mode (what quoted newlines need; one task per file)
   */
  public static void copy(
      SparkSession spark,
      String inputRoot,
      Source source,
      List<String> days,
      String outRoot,
      boolean multiLine) {
    String root = inputRoot + "/" + source.folder();
    String[] paths = days.stream().map(d -> root + "/dt=" + d).toArray(String[]::new);
    spark
        .read()
        .schema(schema(spark, paths[0], Schemas.INPUT_COLUMNS.get(source)))
        .option("header", "true")
        .option("multiLine", String.valueOf(multiLine))
        .option("basePath", root)
        .csv(paths)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("dt")
        .parquet(outRoot + "/" + source.folder());
  }

  /** The file's header, each column typed as the contract types it (unknown columns as strings). */
  static StructType schema(SparkSession spark, String partition, List<InputColumn> contract) {
    Map<String, DataType> types =
        contract.stream().collect(Collectors.toMap(InputColumn::name, InputColumn::type));
    StructType schema = new StructType();
    for (String name : header(spark, partition)) {
      schema = schema.add(name, types.getOrDefault(name, DataTypes.StringType), true);
    }
    return schema;
  }

  private static List<String> header(SparkSession spark, String partition) {
    try {
      Path dir = new Path(partition);
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus first =
          Arrays.stream(fs.listStatus(dir))
              .filter(s -> s.isFile() && s.getPath().getName().endsWith(".csv"))
              .min((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()))
              .orElseThrow(() -> new IllegalStateException("no .csv file in " + partition));
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(fs.open(first.getPath()), StandardCharsets.UTF_8))) {
        return Arrays.stream(r.readLine().split(",", -1)).map(String::trim).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the header in " + partition, e);
    }
  }
}
