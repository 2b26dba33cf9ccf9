package com.comborec.bundle;

import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.store.WorkSchemas;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Inline DataFrame fixtures with the explicit schemas the bundle stage reads. */
final class Frames {
  static final StructType EVENTS =
      Schemas.validated(Source.EVENTS).add("dt", DataTypes.DateType, true);

  private Frames() {}

  static Dataset<Row> of(StructType schema, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return TestSpark.session().createDataFrame(list, schema);
  }

  /** A validated event: time on day {@code day} at noon UTC, dt = that day. */
  static Object[] event(
      String day,
      String user,
      String item,
      String type,
      Integer quantity,
      Double unitPrice,
      String order) {
    return new Object[] {
      Timestamp.valueOf(day + " 12:00:00"),
      user,
      item,
      type,
      quantity,
      unitPrice,
      order,
      Date.valueOf(day)
    };
  }

  /** A validated product: item_id, title, category, brand, price, cost, stock, active. */
  static Object[] product(String item, double price, Double cost, Integer stock, Boolean active) {
    return new Object[] {item, "Title " + item, "cat-" + item, null, price, cost, stock, active};
  }

  static Dataset<Row> products(Object[]... rows) {
    return of(Schemas.validated(Source.PRODUCTS), rows);
  }

  static Dataset<Row> segments(Object[]... rows) {
    return of(WorkSchemas.SEGMENTS, rows);
  }

  static Object[] row(Object... values) {
    return Arrays.copyOf(values, values.length);
  }
}
