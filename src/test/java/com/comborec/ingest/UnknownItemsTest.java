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
  private static final StructType CATALOG =
      new StructType()
          .add("item_id", DataTypes.StringType)
          .add("_snapshot_for", DataTypes.StringType);
  private static final StructType EVENTS =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add(RawReader.DT, DataTypes.StringType)
          .add(RuleSet.REASON, DataTypes.StringType)
          .add(RuleSet.DETAIL, DataTypes.StringType);

  @Test
  void anItemIsKnownOnlyOnTheDaysItsSnapshotServes() {
    SparkSession spark = TestSpark.session();
    // Snapshot of day 1 lists A and B; day 2's lists B and C (A delisted, C new).
    Dataset<Row> catalog =
        spark.createDataFrame(
            List.of(
                RowFactory.create("A", "2026-11-01"), RowFactory.create("B", "2026-11-01"),
                RowFactory.create("B", "2026-11-02"), RowFactory.create("C", "2026-11-02")),
            CATALOG);
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
            EVENTS);

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
        reasons(catalog, rows));
  }

  /**
   * Days are bits in blocks of 64 (day number 20,799 = 2026-12-12 is bit 63 of its block, the sign
   * bit; 2026-12-13 is bit 0 of the next): an item listed on one side of the edge only is known on
   * that side only.
   */
  @Test
  void daysOnBothSidesOfABlockEdgeKeepTheirOwnSnapshots() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> catalog =
        spark.createDataFrame(
            List.of(
                RowFactory.create("E", "2026-12-12"),
                RowFactory.create("F", "2026-12-13"),
                RowFactory.create("G", "2026-12-12"),
                RowFactory.create("G", "2026-12-13")),
            CATALOG);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("E12", "E", "2026-12-12", null, null),
                RowFactory.create("E13", "E", "2026-12-13", null, null),
                RowFactory.create("F12", "F", "2026-12-12", null, null),
                RowFactory.create("F13", "F", "2026-12-13", null, null),
                RowFactory.create("G12", "G", "2026-12-12", null, null),
                RowFactory.create("G13", "G", "2026-12-13", null, null)),
            EVENTS);

    assertEquals(
        Map.of(
            "E12", "null",
            "E13", "unknown_item",
            "F12", "unknown_item",
            "F13", "null",
            "G12", "null",
            "G13", "null"),
        reasons(catalog, rows));
  }

  private static Map<String, String> reasons(Dataset<Row> catalog, Dataset<Row> rows) {
    Map<String, String> reasons = new TreeMap<>();
    for (Row r : CrossRowRules.unknownItems(rows, catalog).collectAsList()) {
      reasons.put(r.getAs("id"), String.valueOf((Object) r.getAs(RuleSet.REASON)));
    }
    return reasons;
  }
}
