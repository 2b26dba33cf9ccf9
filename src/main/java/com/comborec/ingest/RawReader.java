package com.comborec.ingest;

import com.comborec.contract.InputColumn;
import com.comborec.ingest.csv.CsvLimits;
import com.comborec.ingest.csv.FileTally;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Reads a source's CSV files into raw string columns named after the contract, in one Spark job
 * over all its partitions. Each file is read start to end inside one task by {@link
 * com.comborec.ingest.csv.CsvSplitter} (our own RFC 4180 splitter, not Spark's CSV reader), so
 * every row keeps its file, record number, physical lines, partition day and raw text, and every
 * file's lines are accounted for in its {@link FileTally}.
 */
public final class RawReader {
  public static final String PARSE_REASON = "_parse_reason";
  public static final String PARSE_DETAIL = "_parse_detail";
  public static final String FILE = "_file";
  public static final String RECORD = "_record";
  public static final String FIRST_LINE = "_first_line";
  public static final String LINES = "_lines";
  public static final String LINE = "_line";
  public static final String DT = "_dt";
  static final int TRACE_COLUMNS = 8;

  /**
   * One file to read: its day, the header's field count, and for each contract column the header
   * position that holds it (or -1 when the file lacks that optional column).
   */
  record FileSpec(String path, String day, int fields, int[] columns, long weight)
      implements Serializable {

    static FileSpec of(InputFile f, List<InputColumn> contract, long size) {
      int[] columns = new int[contract.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = f.header().indexOf(contract.get(i).name());
      }
      long weight = f.path().endsWith(".gz") ? size * 5 : size;
      return new FileSpec(f.path(), f.partition().toString(), f.header().size(), columns, weight);
    }
  }

  private RawReader() {}

  /** The raw rows of {@code files}; each file's tally lands in {@code tallies} as it is read. */
  public static Dataset<Row> read(
      SparkSession spark,
      List<InputFile> files,
      List<InputColumn> contract,
      CsvLimits limits,
      CollectionAccumulator<FileTally> tallies) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<FileSpec> specs = new ArrayList<>();
    for (InputFile f : files) {
      specs.add(FileSpec.of(f, contract, size(hadoop, f.path())));
    }
    List<List<FileSpec>> bins = FileBins.of(specs, spark.sparkContext().defaultParallelism() * 2);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf =
        jsc.broadcast(new SerializableConfiguration(hadoop));
    FlatMapFunction<List<FileSpec>, Row> read =
        bin -> new BinRows(bin, conf.value().value(), limits, tallies);
    JavaRDD<Row> rows = jsc.parallelize(bins, bins.size()).flatMap(read);
    return spark.createDataFrame(rows, schema(contract));
  }

  /** Contract columns (strings), then the parse verdict and the trace columns. */
  static StructType schema(List<InputColumn> contract) {
    StructType schema = new StructType();
    for (InputColumn c : contract) {
      schema = schema.add(c.name(), DataTypes.StringType, true);
    }
    return schema
        .add(PARSE_REASON, DataTypes.StringType, true)
        .add(PARSE_DETAIL, DataTypes.StringType, true)
        .add(FILE, DataTypes.StringType, false)
        .add(RECORD, DataTypes.LongType, false)
        .add(FIRST_LINE, DataTypes.LongType, false)
        .add(LINES, DataTypes.IntegerType, false)
        .add(LINE, DataTypes.StringType, true)
        .add(DT, DataTypes.StringType, false);
  }

  private static long size(Configuration hadoop, String file) {
    try {
      Path p = new Path(file);
      return p.getFileSystem(hadoop).getFileStatus(p).getLen();
    } catch (IOException e) {
      // Only a weight for balancing the tasks; the read itself reports an unreadable file.
      return 1;
    }
  }

  /** The rows of a bin's files one after another; each file's tally is added when it ends. */
  static final class BinRows implements Iterator<Row> {
    private final Iterator<FileSpec> files;
    private final Configuration hadoop;
    private final CsvLimits limits;
    private final CollectionAccumulator<FileTally> tallies;
    private InputFileRows current;
    private Row next;

    BinRows(
        List<FileSpec> bin,
        Configuration hadoop,
        CsvLimits limits,
        CollectionAccumulator<FileTally> tallies) {
      this.files = bin.iterator();
      this.hadoop = hadoop;
      this.limits = limits;
      this.tallies = tallies;
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) t -> closeCurrent());
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (current == null) {
          if (!files.hasNext()) {
            return false;
          }
          current = open(files.next());
        }
        next = current.next();
        if (next == null) {
          tallies.add(current.tally());
          closeCurrent();
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }

    private InputFileRows open(FileSpec spec) {
      InputFileRows rows = new InputFileRows(spec, limits);
      try {
        Path p = new Path(spec.path());
        FileSystem fs = p.getFileSystem(hadoop);
        rows.open(fs.open(p));
      } catch (IOException e) {
        rows.failedToOpen(e);
      }
      return rows;
    }

    private void closeCurrent() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
