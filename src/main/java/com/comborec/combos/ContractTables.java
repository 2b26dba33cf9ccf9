package com.comborec.combos;

import com.comborec.contract.Schemas;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Gives a computed table the contract's exact schema (column order, types and nullability). */
final class ContractTables {
  private ContractTables() {}

  /**
   * Re-types the rows with the contract schema. Spark marks aggregates and divisions nullable
   * although the logic never yields null there, and {@code Dataset.to} refuses to narrow
   * nullability; the types themselves must already match.
   */
  static Dataset<Row> conform(Dataset<Row> rows, StructType contract) {
    List<String> mismatches = Schemas.mismatches(contract, rows.schema());
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException("rows do not match the contract: " + mismatches);
    }
    Column[] columns =
        Arrays.stream(contract.fields())
            .map(StructField::name)
            .map(functions::col)
            .toArray(Column[]::new);
    return rows.sparkSession().createDataFrame(rows.select(columns).javaRDD(), contract);
  }
}
