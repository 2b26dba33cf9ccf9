package com.comborec;

import com.comborec.contract.Schemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small inline fixtures of this package's tests, with explicit schemas. */
public final class Rows {
  public static final StructType CATALOG =
      new StructType()
          .add("item_id", DataTypes.StringType, false)
          .add("category", DataTypes.StringType, false);
  public static final StructType PURCHASES =
      new StructType()
          .add("item_id", DataTypes.StringType, false)
          .add("purchases", DataTypes.LongType, false);

  private Rows() {}

  public static SparkSession spark() {
    return TestSpark.session();
  }

  public static Dataset<Row> frame(StructType schema, Row... rows) {
    return spark().createDataFrame(List.of(rows), schema);
  }

  /** A recommendations row of the contract: items get ranks 1.. and descending scores. */
  public static Row recommendation(String user, int segment, String... items) {
    List<Row> list = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      list.add(RowFactory.create(i + 1, items[i], 1.0 - i * 0.1, "personal", null));
    }
    return RowFactory.create(user, segment, "als", list, "v1");
  }

  public static Dataset<Row> recommendations(Row... rows) {
    return frame(Schemas.RECOMMENDATIONS, rows);
  }
}
