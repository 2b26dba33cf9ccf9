package com.comborec.combos;

import static com.comborec.combos.Fixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The published companions: sellable only, top M, deterministic order. */
class CompanionsTest {
  static final StructType PAIR_STATS =
      new StructType()
          .add("item_id", DataTypes.StringType)
          .add("other_item_id", DataTypes.StringType)
          .add("baskets", DataTypes.LongType)
          .add("confidence", DataTypes.DoubleType)
          .add("lift", DataTypes.DoubleType);

  static Row pair(String item, String other, long baskets, double confidence, double lift) {
    return RowFactory.create(item, other, baskets, confidence, lift);
  }

  /** P's companions: lift order S (4.0, 7 baskets), R (4.0, 3, id R < T), T, Q (1.2). */
  static Dataset<Row> pStats() {
    return TestSpark.session()
        .createDataFrame(
            List.of(
                pair("P", "Q", 5, 0.9, 1.2), pair("P", "R", 3, 0.3, 4.0),
                pair("P", "S", 7, 0.3, 4.0), pair("P", "T", 3, 0.3, 4.0)),
            PAIR_STATS);
  }

  static Dataset<Row> allSellable(String... ids) {
    return Fixtures.products(
        java.util.Arrays.stream(ids)
            .map(id -> product(id, id, "c", "b", 1.0, null, null))
            .toList());
  }

  /** The published table without popular fill. */
  static Dataset<Row> publish(
      Dataset<Row> stats, Dataset<Row> products, FbtOrder order, FbtSettings s) {
    Dataset<Row> noFill = TestSpark.session().createDataFrame(List.of(), PopularCompanions.FILL);
    return Companions.frequentlyBoughtTogether(stats, noFill, products, order, s);
  }

  /** item_id -> "rank:item,rank:item". */
  static Map<String, String> lists(Dataset<Row> table) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : table.collectAsList()) {
      List<Row> companions = r.getList(1);
      out.put(
          r.getString(0),
          String.join(
              ",", companions.stream().map(c -> c.getInt(0) + ":" + c.getString(1)).toList()));
    }
    return out;
  }

  @Test
  void ranksByTheConfiguredOrderWithDeterministicTies() {
    Dataset<Row> products = allSellable("P", "Q", "R", "S", "T");
    assertEquals(
        Map.of("P", "1:S,2:R,3:T"),
        lists(publish(pStats(), products, FbtOrder.LIFT, Fixtures.fbt(1, 0, 0, 0, 3, 50))),
        "top 3 by lift");
    assertEquals(
        Map.of("P", "1:Q,2:S,3:R,4:T"),
        lists(publish(pStats(), products, FbtOrder.CONFIDENCE, Fixtures.fbt(1, 0, 0, 0, 10, 50))),
        "all by confidence");
  }

  @Test
  void skipsInactiveOutOfStockAndUnknownCompanions() {
    Dataset<Row> products =
        Fixtures.products(
            List.of(
                product("P", "p", "c", "b", 1.0, 0, false), // the anchor itself may be unsellable
                product("Q", "q", "c", "b", 1.0, 0, null), // out of stock
                product("R", "r", "c", "b", 1.0, 4, false), // inactive
                product("S", "s", "c", "b", 1.0, 1, true))); // T is not in the catalog at all
    Dataset<Row> table =
        publish(pStats(), products, FbtOrder.LIFT, Fixtures.fbt(1, 0, 0, 0, 10, 50));
    assertEquals(Map.of("P", "1:S"), lists(table), "only S is sellable");
    assertEquals(Schemas.FREQUENTLY_BOUGHT_TOGETHER, table.schema(), "contract schema");
    Row s = table.first().<Row>getList(1).get(0);
    assertEquals(7L, s.getLong(2), "S baskets");
    assertEquals(0.3, s.getDouble(3), 0.0, "S confidence");
    assertEquals(4.0, s.getDouble(4), 0.0, "S lift");
  }

  @Test
  void filtersTheSixBasketFixtureByStockAndActivity() {
    Dataset<Row> stats =
        FrequentlyBoughtTogether.pairStats(
            FrequentlyBoughtTogetherTest.sixBaskets(), Fixtures.fbt(1, 0, 0, 0, 10, 50));
    Dataset<Row> products =
        Fixtures.products(
            List.of(
                product("A", "a", "c", "b", 1.0, 3, true),
                    product("B", "b", "c", "b", 1.0, null, null),
                product("C", "c", "c", "b", 1.0, 0, true),
                    product("D", "d", "c", "b", 1.0, 9, false)));
    // A: B 1.125 (C out of stock, D inactive). C: A and B both lift 1.0 and 2 baskets -> by id.
    // D: A and B both lift 0.75 and 1 basket -> by id.
    assertEquals(
        Map.of("A", "1:B", "B", "1:A", "C", "1:A,2:B", "D", "1:A,2:B"),
        lists(publish(stats, products, FbtOrder.LIFT, Fixtures.fbt(1, 0, 0, 0, 10, 50))),
        "companions per item");
  }
}
