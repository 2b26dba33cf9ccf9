package com.comborec.ingest;

import static org.apache.spark.sql.functions.col;

import com.comborec.contract.InputColumn;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Turns a source's CSV files into one frame of typed contract columns plus the trace columns (file,
 * record, raw line, partition day) and the reject reason and detail of each row.
 */
public final class SourceValidation {
  private SourceValidation() {}

  /** Row rules only; cross-row rules need the catalog or a window and are applied by the caller. */
  public static Dataset<Row> validate(
      SparkSession spark,
      Source source,
      List<InputFile> files,
      Set<String> eventTypes,
      int maxIdLength,
      int runYear) {
    List<InputColumn> contract = Schemas.INPUT_COLUMNS.get(source);
    SourceRules.Spec spec = SourceRules.of(source, eventTypes, maxIdLength, runYear);
    Dataset<Row> raw = null;
    for (Map.Entry<List<String>, List<String>> group : byHeader(files).entrySet()) {
      Dataset<Row> part = RawReader.read(spark, group.getValue(), group.getKey(), contract);
      raw = raw == null ? part : raw.unionByName(part);
    }
    return typed(spec.rules().apply(raw.withColumns(spec.parsed())), spec.typed(), source);
  }

  /** Files grouped by identical header, so each group is read with one positional schema. */
  static Map<List<String>, List<String>> byHeader(List<InputFile> files) {
    Map<List<String>, List<String>> groups = new LinkedHashMap<>();
    for (InputFile f : files) {
      groups.computeIfAbsent(f.header(), h -> new ArrayList<>()).add(f.path());
    }
    return groups;
  }

  static Dataset<Row> typed(Dataset<Row> checked, List<Column> typedColumns, Source source) {
    List<Column> out = new ArrayList<>(typedColumns);
    for (String trace :
        List.of(
            RawReader.FILE,
            RawReader.RECORD,
            RawReader.LINE,
            RawReader.DT,
            RuleSet.REASON,
            RuleSet.DETAIL)) {
      out.add(col(trace));
    }
    Dataset<Row> typed = checked.select(out.toArray(Column[]::new));
    // Keep the validated column types exactly as the contract schema says.
    for (org.apache.spark.sql.types.StructField f : Schemas.validated(source).fields()) {
      typed = typed.withColumn(f.name(), col(f.name()).cast(f.dataType()));
    }
    return typed;
  }

  /** The accepted rows in the validated schema, with the partition day as {@code dt}. */
  public static Dataset<Row> accepted(Dataset<Row> checked, Source source) {
    List<Column> cols = new ArrayList<>();
    for (String name : Schemas.validated(source).fieldNames()) {
      cols.add(col(name));
    }
    cols.add(col(RawReader.DT).as("dt"));
    return checked.filter(col(RuleSet.REASON).isNull()).select(cols.toArray(Column[]::new));
  }

  /** The rejected rows in the contract's rejects schema, with the partition day as {@code dt}. */
  public static Dataset<Row> rejected(Dataset<Row> checked, Source source) {
    return checked
        .filter(col(RuleSet.REASON).isNotNull())
        .select(
            org.apache.spark.sql.functions.lit(source.folder()).as("source"),
            col(RawReader.FILE).as("file"),
            col(RawReader.LINE).as("line"),
            col(RuleSet.REASON).as("reason"),
            col(RuleSet.DETAIL).as("detail"),
            col(RawReader.RECORD).as("record"),
            col(RawReader.DT).as("dt"));
  }
}
