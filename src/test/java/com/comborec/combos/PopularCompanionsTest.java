package com.comborec.combos;

import static com.comborec.combos.Fixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Popularity companions on the six hand-counted baskets (see FrequentlyBoughtTogetherTest). */
class PopularCompanionsTest {
  static Dataset<Row> baskets() {
    return FrequentlyBoughtTogether.baskets(FrequentlyBoughtTogetherTest.sixBaskets());
  }

  @Test
  void theMostPopularSellableItemsWithTiesByIdAndUnsellableOnesSkipped() {
    // Baskets: A 4, B 4, C 3, D 2.
    assertEquals(
        List.of("A", "B", "C"),
        PopularCompanions.top(baskets(), CompanionsTest.allSellable("A", "B", "C", "D"), 3),
        "A and B tie at 4: by id");
    Dataset<Row> cOutOfStock =
        Fixtures.products(
            List.of(
                product("A", "a", "c", "b", 1.0, null, null),
                product("B", "b", "c", "b", 1.0, null, null),
                product("C", "c", "c", "b", 1.0, 0, null),
                product("D", "d", "c", "b", 1.0, null, null)));
    assertEquals(
        List.of("A", "B", "D"),
        PopularCompanions.top(baskets(), cOutOfStock, 3),
        "C is out of stock");
  }

  @Test
  void fillRowsCarryThePairsOwnFiguresAndNeverTheAnchor() {
    Map<String, String> rows = new TreeMap<>();
    for (Row r : PopularCompanions.fill(baskets(), List.of("A", "B", "C")).collectAsList()) {
      rows.put(
          r.getString(0) + ">" + r.getString(1),
          String.format(
              "%d:%d:%.4f:%.4f", r.getInt(5), r.getLong(2), r.getDouble(3), r.getDouble(4)));
    }
    // N = 6. "pop_rank:baskets:confidence:lift", lift = n_ab * 6 / (n_a * n_b).
    // D (2 baskets) > A (4): together in o5 only: conf 1/2, lift 6 / 8 = 0.75.
    // D > C: never together: 0 everywhere. A > B: 3 baskets, conf 3/4, lift 18 / 16 = 1.125.
    assertEquals("1:1:0.5000:0.7500", rows.get("D>A"), "D>A");
    assertEquals("3:0:0.0000:0.0000", rows.get("D>C"), "D>C");
    assertEquals("2:3:0.7500:1.1250", rows.get("A>B"), "A>B");
    // C > A: 2 of C's 3 baskets: conf 2/3, lift 12 / 12 = 1.
    assertEquals("1:2:0.6667:1.0000", rows.get("C>A"), "C>A");
    // Every item (4) with each popular item (3) but itself: 4 * 3 - 3 = 9 rows.
    assertEquals(9, rows.size(), "rows: " + rows.keySet());
  }

  @Test
  void noPopularItemsNoFill() {
    assertEquals(0L, PopularCompanions.fill(baskets(), List.of()).count(), "no rows");
  }
}
