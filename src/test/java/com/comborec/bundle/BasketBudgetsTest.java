package com.comborec.bundle;

import static com.comborec.bundle.Frames.event;
import static com.comborec.bundle.Frames.product;
import static com.comborec.bundle.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Basket values and segment budgets on a hand-computed inline fixture. */
class BasketBudgetsTest {
  /*
   * Catalog prices: A 5, B 20, C 6. Segment 0 = {u1, u2}, segment 1 = {u3}.
   * u1 order o1: A 2 x 5.0 + B 1 x (catalog 20)          = 30
   * u1 no order, 2024-01-01: A 1 x 4.0 + C 1 x 6.0         = 10
   * u1 no order, 2024-01-02: A 3 x (catalog 5)             = 15
   * u2 order o2: C 1 x 40.0                                = 40  (u2's view of A is no purchase)
   * guest order o3: ignored (no segment).  u3 order o4: A 1 x 5.0 = 5.
   * Segment 0 values sorted 10, 15, 30, 40: percentile_approx is nearest-rank, element
   * ceil(p * n): p 0.75 -> 3rd = 30, p 0.5 -> 2nd = 15. Segment 1: 5 for any p.
   */
  private static Dataset<Row> baskets() {
    Dataset<Row> events =
        Frames.of(
            Frames.EVENTS,
            event("2024-01-01", "u1", "A", "purchase", 2, 5.0, "o1"),
            event("2024-01-01", "u1", "B", "purchase", null, null, "o1"),
            event("2024-01-01", "u1", "A", "purchase", 1, 4.0, null),
            event("2024-01-01", "u1", "C", "purchase", 1, 6.0, null),
            event("2024-01-02", "u1", "A", "purchase", 3, null, null),
            event("2024-01-02", "u2", "C", "purchase", 1, 40.0, "o2"),
            event("2024-01-02", "u2", "A", "view", 1, null, null),
            event("2024-01-02", null, "B", "purchase", 1, null, "o3"),
            event("2024-01-03", "u3", "A", "purchase", 1, 5.0, "o4"));
    Dataset<Row> products =
        Frames.products(
            product("A", 5, null, null, null),
            product("B", 20, null, null, null),
            product("C", 6, null, null, null));
    return BasketBudgets.basketValues(
        events, products, Frames.segments(row("u1", 0), row("u2", 0), row("u3", 1)));
  }

  @Test
  void basketsAreOrdersOrUserDays() {
    Map<String, Double> actual = new TreeMap<>();
    for (Row r : baskets().collectAsList()) {
      actual.put(r.getInt(0) + " " + r.getString(1), r.getDouble(2));
    }
    assertEquals(
        new TreeMap<>(
            Map.of(
                "0 o|o1",
                30.0,
                "0 u|u1|2024-01-01",
                10.0,
                "0 u|u1|2024-01-02",
                15.0,
                "0 o|o2",
                40.0,
                "1 o|o4",
                5.0)),
        actual,
        "segment basket -> value");
  }

  @Test
  void budgetIsTheConfiguredPercentileOfBasketValues() {
    assertEquals(Map.of(0, 30.0, 1, 5.0), budgets(0.75), "budgets at p 0.75");
    assertEquals(Map.of(0, 15.0, 1, 5.0), budgets(0.5), "budgets at p 0.5");
  }

  private static Map<Integer, Double> budgets(double percentile) {
    Map<Integer, Double> out = new TreeMap<>();
    for (Row r : BasketBudgets.segmentBudgets(baskets(), percentile).collectAsList()) {
      out.put(r.getInt(0), r.getDouble(1));
    }
    return out;
  }
}
