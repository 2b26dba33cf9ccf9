package com.comborec.features;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Validated event rows for tests, in the exact schema ValidatedStore returns (with dt). */
public final class TestEvents {
  public static final StructType SCHEMA =
      Schemas.validated(Source.EVENTS).add("dt", DataTypes.DateType, true);

  private TestEvents() {}

  /** One event; dt is the UTC day of {@code isoTime}. */
  public static Row event(String isoTime, String user, String item, String type, Integer quantity) {
    Instant t = Instant.parse(isoTime);
    return RowFactory.create(
        Timestamp.from(t),
        user,
        item,
        type,
        quantity,
        null,
        null,
        Date.valueOf(t.atZone(ZoneOffset.UTC).toLocalDate()));
  }

  public static Dataset<Row> of(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, SCHEMA);
  }
}
