package com.comborec.recommend;

import com.comborec.TestSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Inline fixtures for the recommend tests: typed frames from literal rows, and readable results.
 */
final class Fixtures {
  static final StructType PAIRS =
      new StructType().add("user_id", DataTypes.StringType).add("item_id", DataTypes.StringType);
  static final StructType ITEMS = new StructType().add("item_id", DataTypes.StringType);
  static final StructType CANDIDATES =
      PersonalCandidates.SCHEMA.add("priority", DataTypes.IntegerType);
  static final StructType STRATEGIES =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("segment_id", DataTypes.IntegerType)
          .add("eligible", DataTypes.BooleanType)
          .add("fallback", DataTypes.StringType);

  private Fixtures() {}

  static Dataset<Row> frame(StructType schema, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return TestSpark.session().createDataFrame(list, schema);
  }

  static Object[] row(Object... values) {
    return values;
  }

  static RecommendSettings settings(int minInteractions, int topN) {
    return new RecommendSettings(topN, minInteractions, 30, 4096, 3);
  }

  /** Rows as sorted "a|b|c" strings over the given columns, for order-free comparison. */
  static List<String> lines(Dataset<Row> ds, String... columns) {
    return ds.selectExpr(columns).collectAsList().stream()
        .map(
            r ->
                Arrays.stream(columns)
                    .map(c -> String.valueOf(r.get(r.fieldIndex(c.replaceAll(".* as ", "")))))
                    .collect(Collectors.joining("|")))
        .sorted()
        .collect(Collectors.toList());
  }

  /** user_id -> "rank:item_id:reason:because" list of a ranked lists frame (user_id, items). */
  static Map<String, List<String>> lists(Dataset<Row> ds) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Row r : ds.select("user_id", "items").collectAsList()) {
      List<String> items = new ArrayList<>();
      for (Row i : r.<Row>getList(1)) {
        items.add(i.getInt(0) + ":" + i.getString(1) + ":" + i.getString(3) + ":" + i.getString(4));
      }
      out.put(r.getString(0), items);
    }
    return out;
  }
}
