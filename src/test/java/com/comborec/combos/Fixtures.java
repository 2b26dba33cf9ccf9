package com.comborec.combos;

import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Inline fixtures in the validated shapes (events with their dt day, products). */
final class Fixtures {
  static final StructType EVENTS = Schemas.validated(Source.EVENTS).add("dt", DataTypes.DateType);

  private Fixtures() {}

  /** A validated event; time is ISO-8601 with Z, the session zone in tests is UTC. */
  static Row event(String time, String user, String item, String type, String order) {
    Instant at = Instant.parse(time);
    return RowFactory.create(
        Timestamp.from(at),
        user,
        item,
        type,
        1,
        null,
        order,
        Date.valueOf(at.toString().substring(0, 10)));
  }

  static Row purchase(String order, String item) {
    return event("2026-03-01T10:00:00Z", "u-" + order, item, "purchase", order);
  }

  /** Purchases of whole baskets by order id: each string is "order:item,item,...". */
  static Dataset<Row> orders(String... baskets) {
    List<Row> rows = new ArrayList<>();
    for (String basket : baskets) {
      String[] parts = basket.split(":");
      for (String item : parts[1].split(",")) {
        rows.add(purchase(parts[0], item));
      }
    }
    return events(rows);
  }

  static Dataset<Row> events(List<Row> rows) {
    return TestSpark.session().createDataFrame(rows, EVENTS);
  }

  /** A product row; stock and active may be null (unlimited, active). */
  static Row product(
      String item,
      String title,
      String category,
      String brand,
      double price,
      Integer stock,
      Boolean active) {
    return RowFactory.create(item, title, category, brand, price, null, stock, active);
  }

  /**
   * Mining settings for a fixture: order auto, shrink 5 baskets, no fill, 28 days measured at hit
   * rate@min(5, topM).
   */
  static FbtSettings fbt(
      long minBaskets,
      double minSupport,
      double minConfidence,
      double minLift,
      int topM,
      int maxBasketItems) {
    return new FbtSettings(
        minBaskets,
        minSupport,
        minConfidence,
        minLift,
        topM,
        FbtSettings.AUTO,
        5.0,
        false,
        maxBasketItems,
        28,
        Math.min(5, topM));
  }

  static Dataset<Row> products(List<Row> rows) {
    return TestSpark.session().createDataFrame(rows, Schemas.validated(Source.PRODUCTS));
  }
}
