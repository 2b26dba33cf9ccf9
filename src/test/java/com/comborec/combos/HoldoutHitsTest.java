package com.comborec.combos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Holdout hit shares on three hand-made baskets. */
class HoldoutHitsTest {
  static final SparkSession SPARK = TestSpark.session();
  static final Timestamp T = Timestamp.valueOf("2026-11-27 10:00:00");

  static Dataset<Row> events() {
    StructType s =
        new StructType()
            .add("event_time", DataTypes.TimestampType)
            .add("user_id", DataTypes.StringType)
            .add("item_id", DataTypes.StringType)
            .add("event_type", DataTypes.StringType)
            .add("order_id", DataTypes.StringType);
    // b1 = {A, B} by u1, b2 = {A, C} by u2, b3 = {B, C, D} by a guest, b4 = {A} (one item: not a
    // basket here).
    return SPARK.createDataFrame(
        List.of(
            RowFactory.create(T, "u1", "A", "purchase", "b1"),
            RowFactory.create(T, "u1", "B", "purchase", "b1"),
            RowFactory.create(T, "u2", "A", "purchase", "b2"),
            RowFactory.create(T, "u2", "C", "purchase", "b2"),
            RowFactory.create(T, null, "B", "purchase", "b3"),
            RowFactory.create(T, null, "C", "purchase", "b3"),
            RowFactory.create(T, null, "D", "purchase", "b3"),
            RowFactory.create(T, "u1", "A", "purchase", "b4"),
            RowFactory.create(T, "u1", "D", "view", "b4")),
        s);
  }

  static Dataset<Row> rows(StructType s, Object[]... values) {
    return SPARK.createDataFrame(
        java.util.Arrays.stream(values).map(RowFactory::create).toList(), s);
  }

  @Test
  void pairHitsCountBasketsHoldingBothItems() {
    StructType s =
        new StructType()
            .add("item_id", DataTypes.StringType)
            .add("other_item_id", DataTypes.StringType);
    // A->B hits b1; C->D hits b3; D->A hits nothing: 2 of 3 baskets.
    long[] hits =
        HoldoutHits.pairHits(
            HoldoutHits.basketItems(events()),
            rows(s, new Object[] {"A", "B"}, new Object[] {"C", "D"}, new Object[] {"D", "A"}));
    assertArrayEquals(new long[] {2, 3}, hits);
  }

  @Test
  void bundleHitsNeedTwoItemsOfTheMembersSegmentBundle() {
    StructType m =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("segment_id", DataTypes.IntegerType);
    StructType b =
        new StructType()
            .add("trial", DataTypes.IntegerType)
            .add("segment_id", DataTypes.IntegerType)
            .add("bundle_id", DataTypes.StringType)
            .add("item_id", DataTypes.StringType);
    Dataset<Row> members = rows(m, new Object[] {"u1", 0}, new Object[] {"u2", 1});
    // Segment 0's bundle {A, B} is all of b1 (hit); segment 1's {A, D} shares only A with b2 (no
    // hit).
    Dataset<Row> bundles =
        rows(
            b,
            new Object[] {0, 0, "x", "A"},
            new Object[] {0, 0, "x", "B"},
            new Object[] {0, 1, "y", "A"},
            new Object[] {0, 1, "y", "D"});
    Dataset<Row> baskets = HoldoutHits.basketItems(events());
    List<Row> hits = HoldoutHits.bundleHits(baskets, members, bundles).collectAsList();
    assertEquals(1, hits.size());
    assertEquals(1L, hits.get(0).getLong(1), "hits of trial 0");
    assertEquals(2L, HoldoutHits.memberBaskets(baskets, members), "member baskets: b1, b2");
  }
}
