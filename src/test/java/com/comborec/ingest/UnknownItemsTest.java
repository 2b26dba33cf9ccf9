package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Each event day is checked against its own catalog snapshot, as in a multi-day backfill. */
class UnknownItemsTest {
  @Test
  void anItemIsKnownOnlyOnTheDaysItsSnapshotServes() {
    SparkSession spark = TestSpark.session();
    // Snapshot of day 1 lists A and B; day 2's lists B and C (A delisted, C new).
    Dataset<Row> catalog =
        spark.createDataFrame(
            List.of(
                RowFactory.create("A", "2026-11-01"), RowFactory.create("B", "2026-11-01"),
                RowFactory.create("B", "2026-11-02"), RowFactory.create("C", "2026-11-02")),
            new StructType()
                .add("item_id", DataTypes.StringType)
                .add("_snapshot_for", DataTypes.StringType));
    StructType events =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("item_id", DataTypes.StringType)
            .add(RawReader.DT, DataTypes.StringType)
            .add(RuleSet.REASON, DataTypes.StringType)
            .add(RuleSet.DETAIL, DataTypes.StringType);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("1A", "A", "2026-11-01", null, null),
                RowFactory.create("2A", "A", "2026-11-02", null, null),
                RowFactory.create("1C", "C", "2026-11-01", null, null),
                RowFactory.create("2C", "C", "2026-11-02", null, null),
                RowFactory.create("2B", "B", "2026-11-02", null, null),
                RowFactory.create("2Z", "Z", "2026-11-02", null, null),
                // Already rejected by a row rule: keeps its first reason.
                RowFactory.create(
                    "2Zq", "Z", "2026-11-02", "bad_number", "quantity: 'x' is not an integer")),
            events);

    Map<String, String> reasons = new TreeMap<>();
    for (Row r : CrossRowRules.unknownItems(rows, catalog).collectAsList()) {
      reasons.put(r.getAs("id"), String.valueOf((Object) r.getAs(RuleSet.REASON)));
    }

    assertEquals(
        Map.of(
            "1A",
            "null",
            "2A",
            "unknown_item",
            "1C",
            "unknown_item",
            "2C",
            "null",
            "2B",
            "null",
            "2Z",
            "unknown_item",
            "2Zq",
            "bad_number"),
        reasons);
  }
}
