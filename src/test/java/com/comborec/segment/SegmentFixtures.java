package com.comborec.segment;

import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Inline fixtures in the validated input schemas, and lookups that name the row they miss. */
final class SegmentFixtures {
  static final LocalDate RUN_DAY = LocalDate.of(2026, 3, 10);

  private SegmentFixtures() {}

  static SparkSession spark() {
    return TestSpark.session();
  }

  /** An event at noon of {@code day}; quantity, price and order may be null. */
  static Row event(
      String user,
      String item,
      String type,
      Integer quantity,
      Double unitPrice,
      String order,
      String day) {
    return RowFactory.create(
        Timestamp.valueOf(day + " 12:00:00"),
        user,
        item,
        type,
        quantity,
        unitPrice,
        order,
        Date.valueOf(day));
  }

  static Dataset<Row> events(Row... rows) {
    StructType schema = Schemas.validated(Source.EVENTS).add("dt", DataTypes.DateType);
    return spark().createDataFrame(Arrays.asList(rows), schema);
  }

  static Row product(String item, String category, double price) {
    return RowFactory.create(item, "title " + item, category, "brand", price, null, null, true);
  }

  static Dataset<Row> products(Row... rows) {
    return spark().createDataFrame(Arrays.asList(rows), Schemas.validated(Source.PRODUCTS));
  }

  static Row user(String user, Integer birthYear, String gender, String region) {
    return RowFactory.create(user, birthYear, gender, region, null);
  }

  static Dataset<Row> users(Row... rows) {
    return spark().createDataFrame(Arrays.asList(rows), Schemas.validated(Source.USERS));
  }

  /** The rows keyed by a string column, failing if a key repeats. */
  static Map<String, Row> byKey(Dataset<Row> ds, String key) {
    Map<String, Row> out = new HashMap<>();
    List<Row> rows = ds.collectAsList();
    for (Row r : rows) {
      String k = r.getAs(key);
      if (out.put(k, r) != null) {
        throw new AssertionError(key + " '" + k + "' appears twice in " + rows);
      }
    }
    return out;
  }

  /** The row of {@code key}, failing with the keys that do exist. */
  static Row row(Map<String, Row> rows, String key) {
    Row r = rows.get(key);
    if (r == null) {
      throw new AssertionError("no row for '" + key + "'; rows: " + rows.keySet());
    }
    return r;
  }
}
