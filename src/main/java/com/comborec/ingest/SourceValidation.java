package com.comborec.ingest;

import static org.apache.spark.sql.functions.col;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns a source's raw rows into one frame of typed contract columns plus the trace columns (file,
 * record, first line, lines, raw line, partition day) and the reject reason and detail of each row.
 */
public final class SourceValidation {
  private SourceValidation() {}

  /**
   * Row rules only, over the raw rows of {@link RawReader}; cross-row rules need the catalog or a
   * window and are applied by the caller.
   */
  public static Dataset<Row> validate(
      Dataset<Row> raw, Source source, Set<String> eventTypes, int maxIdLength, int runYear) {
    SourceRules.Spec spec = SourceRules.of(source, eventTypes, maxIdLength, runYear);
    return typed(spec.rules().apply(raw.withColumns(spec.parsed())), spec.typed(), source);
  }

  static Dataset<Row> typed(Dataset<Row> checked, List<Column> typedColumns, Source source) {
    List<Column> out = new ArrayList<>(typedColumns);
    for (String trace :
        List.of(
            RawReader.FILE,
            RawReader.RECORD,
            RawReader.FIRST_LINE,
            RawReader.LINES,
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
            col(RawReader.FIRST_LINE).as("first_line"),
            col(RawReader.DT).as("dt"));
  }
}
