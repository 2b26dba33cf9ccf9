package com.comborec.bundle;

import static com.comborec.bundle.Frames.event;
import static com.comborec.bundle.Frames.product;
import static com.comborec.bundle.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Propensity, sellable items and candidate selection on hand-computed inline fixtures. */
class BundleCandidatesTest {
  private static final BundleSettings SETTINGS =
      TestConfig.defaults()
          .with("bundle.min-stock=2", "bundle.candidates=2")
          .get(BundleSettings.SECTION);

  /*
   * Segment 0 = {u1, u2, u3}, segment 1 = {u4, u5}.
   * A: bought by u1 (twice), u2 and u5, plus a guest -> seg 0: 2/3, seg 1: 1/2 (guest ignored).
   * B: bought by u1 -> seg 0: 1/3.   C: viewed by u3 (not a purchase), bought by u4 -> seg 1: 1/2.
   */
  @Test
  void propensityIsTheShareOfMembersWhoBought() {
    Dataset<Row> events =
        Frames.of(
            Frames.EVENTS,
            event("2024-03-01", "u1", "A", "purchase", 1, 5.0, "o1"),
            event("2024-03-02", "u1", "A", "purchase", 2, null, null),
            event("2024-03-01", "u1", "B", "purchase", 1, null, "o1"),
            event("2024-03-01", "u2", "A", "purchase", null, null, null),
            event("2024-03-01", "u3", "C", "view", null, null, null),
            event("2024-03-01", "u4", "C", "purchase", 1, null, null),
            event("2024-03-03", "u5", "A", "purchase", 1, null, null),
            event("2024-03-03", null, "A", "purchase", 1, null, "o9"));
    Dataset<Row> segments =
        Frames.segments(row("u1", 0), row("u2", 0), row("u3", 0), row("u4", 1), row("u5", 1));
    Map<String, Double> expected = Map.of("0/A", 2 / 3.0, "0/B", 1 / 3.0, "1/A", 0.5, "1/C", 0.5);
    Map<String, Double> actual = new TreeMap<>();
    for (Row r : BundleCandidates.segmentPropensity(events, segments).collectAsList()) {
      actual.put(r.getInt(0) + "/" + r.getString(1), r.getDouble(2));
    }
    assertEquals(new TreeMap<>(expected), actual, "segment/item -> propensity");
  }

  /*
   * A: active null, stock null -> sellable, cost 6 as given.  B: stock 0 -> out.  C: inactive -> out.
   * D: stock 5 >= 2, cost null -> 10 * (1 - 0.30) = 7.  E: stock 1 < min-stock 2 -> out.
   */
  @Test
  void sellableItemsAreActiveInStockWithEstimatedCost() {
    Dataset<Row> products =
        Frames.products(
            product("A", 10, 6.0, null, null),
            product("B", 10, 6.0, 0, true),
            product("C", 10, 6.0, 9, false),
            product("D", 10, null, 5, true),
            product("E", 10, 6.0, 1, true));
    List<Row> rows =
        BundleCandidates.sellableItems(products, SETTINGS).orderBy("item_id").collectAsList();
    assertEquals(
        List.of("A", "D"), rows.stream().map(r -> r.getString(0)).toList(), "sellable ids");
    assertEquals(6.0, rows.get(0).<Double>getAs("cost"), 1e-12, "A cost");
    assertEquals(7.0, rows.get(1).<Double>getAs("cost"), 1e-12, "D cost (estimated)");
  }

  /*
   * Segment 0: G 0.9, B 0.8 (not sellable), A 0.5, D 0.5 -> top 2 sellable: G (1), A (2; ties
   * with D broken by item id). Segment 1: D 0.2 -> D (1).
   */
  @Test
  void candidatesAreTheTopSellableItemsPerSegment() {
    StructType schema =
        new StructType()
            .add("segment_id", DataTypes.IntegerType)
            .add("item_id", DataTypes.StringType)
            .add("propensity", DataTypes.DoubleType);
    Dataset<Row> propensity =
        Frames.of(
            schema,
            row(0, "G", 0.9),
            row(0, "B", 0.8),
            row(0, "A", 0.5),
            row(0, "D", 0.5),
            row(1, "D", 0.2));
    Dataset<Row> sellable =
        BundleCandidates.sellableItems(
            Frames.products(
                product("A", 10, 6.0, null, null),
                product("B", 10, 6.0, 0, true),
                product("D", 10, null, 5, true),
                product("G", 3, 1.0, 2, true)),
            SETTINGS);
    List<String> actual =
        BundleCandidates.selectCandidates(propensity, sellable, SETTINGS)
            .orderBy("segment_id", "candidate_rank")
            .collectAsList()
            .stream()
            .map(r -> r.getInt(0) + "/" + r.getInt(1) + "/" + r.getString(2))
            .toList();
    assertEquals(List.of("0/1/G", "0/2/A", "1/1/D"), actual, "segment/candidate_rank/item_id");
  }
}
