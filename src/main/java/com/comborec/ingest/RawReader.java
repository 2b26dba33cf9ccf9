package com.comborec.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.InputColumn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads CSV files that share one header into raw string columns named after the contract. Every row
 * keeps its file, its record number in that file, its partition day and its raw text, so a reject
 * can always be traced back to its source.
 */
public final class RawReader {
  public static final String CORRUPT = "_corrupt";
  public static final String FILE = "_file";
  public static final String RECORD = "_record";
  public static final String LINE = "_line";
  public static final String DT = "_dt";

  private RawReader() {}

  public static Dataset<Row> read(
      SparkSession spark, List<String> paths, List<String> header, List<InputColumn> contract) {
    Dataset<Row> parsed =
        spark
            .read()
            .schema(fileSchema(header))
            .option("header", "true")
            .option("enforceSchema", "true") // the header was matched by name already (InputFile)
            .option("multiLine", "true") // quoted fields may hold newlines
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", CORRUPT)
            .option("quote", "\"")
            .option("escape", "\"")
            .option("encoding", "UTF-8")
            .csv(paths.toArray(String[]::new))
            .withColumn(FILE, input_file_name());
    return project(numberRecords(parsed, header.size()), header, contract);
  }

  /** One string column per header name (positional), plus the corrupt-record column. */
  static StructType fileSchema(List<String> header) {
    StructType schema = new StructType();
    for (int i = 0; i < header.size(); i++) {
      schema = schema.add(physicalName(header, i), DataTypes.StringType, true);
    }
    return schema.add(CORRUPT, DataTypes.StringType, true);
  }

  /** Empty or repeated-looking header names get positional names so the schema stays valid. */
  static String physicalName(List<String> header, int i) {
    String h = header.get(i);
    return h.isEmpty() || h.startsWith("_") ? "_c" + i : h;
  }

  /**
   * Numbers records 1.. within each file and keeps each record's text. Files are never split
   * (multiLine), so each file is read start to end inside one task, and a counter that restarts
   * when the file changes is exact. The text is built here in plain Java: as column expressions
   * (two regular expressions per field) it made the generated code of the rule pass too large for
   * the JIT; validating 1M events took 9.7 s with it and 2.2 s without (measured here).
   */
  static Dataset<Row> numberRecords(Dataset<Row> parsed, int fields) {
    StructType out =
        parsed
            .schema()
            .add(RECORD, DataTypes.LongType, false)
            .add(LINE, DataTypes.StringType, false);
    int fileIdx = parsed.schema().fieldIndex(FILE);
    int corruptIdx = parsed.schema().fieldIndex(CORRUPT);
    MapPartitionsFunction<Row, Row> number =
        rows ->
            new Iterator<>() {
              private String file;
              private long n;

              @Override
              public boolean hasNext() {
                return rows.hasNext();
              }

              @Override
              public Row next() {
                Row r = rows.next();
                String f = r.getString(fileIdx);
                n = f.equals(file) ? n + 1 : 1;
                file = f;
                Object[] values = new Object[r.length() + 2];
                for (int i = 0; i < r.length(); i++) {
                  values[i] = r.get(i);
                }
                values[r.length()] = n;
                values[r.length() + 1] =
                    r.isNullAt(corruptIdx) ? csvLine(r, fields) : r.getString(corruptIdx);
                return RowFactory.create(values);
              }
            };
    return parsed.mapPartitions(number, Encoders.row(out));
  }

  /** The first {@code fields} values as one CSV record, quoted where a value needs it. */
  static String csvLine(Row r, int fields) {
    StringBuilder line = new StringBuilder(64);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        line.append(',');
      }
      String v = r.isNullAt(i) ? "" : r.getString(i);
      if (v.indexOf(',') >= 0
          || v.indexOf('"') >= 0
          || v.indexOf('\r') >= 0
          || v.indexOf('\n') >= 0) {
        line.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        line.append(v);
      }
    }
    return line.toString();
  }

  /** Contract columns as trimmed strings (absent optional columns are null), plus trace columns. */
  static Dataset<Row> project(
      Dataset<Row> numbered, List<String> header, List<InputColumn> contract) {
    List<Column> out = new ArrayList<>();
    for (InputColumn c : contract) {
      int idx = header.indexOf(c.name());
      Column value =
          idx < 0 ? lit(null).cast("string") : emptyToNull(col(physicalName(header, idx)));
      out.add(value.as(c.name()));
    }
    out.add(col(CORRUPT));
    out.add(col(FILE));
    out.add(col(RECORD));
    out.add(col(LINE));
    out.add(regexp_extract(col(FILE), "dt=(\\d{4}-\\d{2}-\\d{2})", 1).as(DT));
    return numbered.select(out.toArray(Column[]::new));
  }

  static Column emptyToNull(Column c) {
    Column t = trim(c);
    return when(length(t).gt(0), t);
  }
}
