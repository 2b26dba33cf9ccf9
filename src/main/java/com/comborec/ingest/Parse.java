package com.comborec.ingest;

import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Strict parsers from raw strings. Each first checks the text's shape, then uses try_cast, so a bad
 * value becomes null (a reject) instead of an ANSI-mode exception, and lenient casts such as '2026'
 * to a timestamp never slip through.
 */
final class Parse {
  static final String TIMESTAMP =
      "^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?$";
  static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
  static final String INTEGER = "^[+-]?\\d{1,10}$";
  static final String DECIMAL = "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?$";

  private Parse() {}

  static Column timestamp(Column raw) {
    return when(raw.rlike(TIMESTAMP), raw.try_cast(DataTypes.TimestampType));
  }

  static Column date(Column raw) {
    return when(raw.rlike(DATE), raw.try_cast(DataTypes.DateType));
  }

  static Column integer(Column raw) {
    return when(raw.rlike(INTEGER), raw.try_cast(DataTypes.IntegerType));
  }

  static Column decimal(Column raw) {
    return when(raw.rlike(DECIMAL), raw.try_cast(DataTypes.DoubleType));
  }

  static Column bool(Column raw) {
    Column v = lower(raw);
    return when(v.isin("true", "t", "yes", "y", "1"), true)
        .when(v.isin("false", "f", "no", "n", "0"), false);
  }

  /** True when a present raw value fails to parse. */
  static Column unparsable(Column raw, Column parsed) {
    return raw.isNotNull().and(parsed.isNull());
  }
}
