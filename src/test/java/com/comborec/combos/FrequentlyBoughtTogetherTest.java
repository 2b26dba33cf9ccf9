package com.comborec.combos;

import static com.comborec.combos.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Basket mining on six hand-counted baskets. */
class FrequentlyBoughtTogetherTest {
  /**
   * N = 6 baskets. Item baskets: A 4, B 4, C 3, D 2. Pair baskets: AB 3, AC 2, BC 2, AD 1, BD 1. o2
   * buys A twice, returns C and views D: it stays the basket {A, B}.
   */
  static Dataset<Row> sixBaskets() {
    Dataset<Row> orders =
        Fixtures.orders("o1:A,B,C", "o2:A,B,A", "o3:A,C", "o4:B,C", "o5:A,B,D", "o6:D");
    return orders.union(
        Fixtures.events(
            List.of(
                event("2026-03-01T11:00:00Z", "u-o2", "C", "return", "o2"),
                event("2026-03-01T11:00:00Z", "u-o2", "D", "view", "o2"))));
  }

  static FbtSettings settings(long minBaskets, double minConfidence, double minLift, int cap) {
    return Fixtures.fbt(minBaskets, 0.0, minConfidence, minLift, 10, cap);
  }

  static Map<String, Row> byPair(Dataset<Row> pairStats) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : pairStats.collectAsList()) {
      out.put(r.<String>getAs("item_id") + ">" + r.<String>getAs("other_item_id"), r);
    }
    return out;
  }

  static void assertPair(
      Map<String, Row> pairs,
      String key,
      long baskets,
      double support,
      double confidence,
      double lift) {
    Row r = pairs.get(key);
    assertNotNull(r, "pair " + key + " missing; have " + pairs.keySet());
    assertEquals(baskets, r.<Long>getAs("baskets"), key + " baskets");
    assertEquals(support, r.<Double>getAs("support"), 1e-12, key + " support");
    assertEquals(confidence, r.<Double>getAs("confidence"), 1e-12, key + " confidence");
    assertEquals(lift, r.<Double>getAs("lift"), 1e-12, key + " lift");
  }

  @Test
  void countsConfidenceAndLiftOfEveryOrderedPair() {
    Map<String, Row> pairs =
        byPair(FrequentlyBoughtTogether.pairStats(sixBaskets(), settings(1, 0, 0, 50)));
    // 5 co-occurring unordered pairs (CD never) -> 10 ordered pairs.
    assertEquals(10, pairs.size(), "ordered pairs: " + pairs.keySet());
    // A>B: 3 of A's 4 baskets hold B: conf 3/4; P(B) = 4/6 -> lift 0.75 / (2/3) = 1.125.
    assertPair(pairs, "A>B", 3, 3 / 6.0, 0.75, 1.125);
    // C>A: conf 2/3; P(A) = 4/6 -> lift 1.0.
    assertPair(pairs, "C>A", 2, 2 / 6.0, 2 / 3.0, 1.0);
    // D>A: conf 1/2; lift 0.5 / (4/6) = 0.75. A>D: conf 1/4; lift 0.25 / (2/6) = 0.75.
    assertPair(pairs, "D>A", 1, 1 / 6.0, 0.5, 0.75);
    assertPair(pairs, "A>D", 1, 1 / 6.0, 0.25, 0.75);
  }

  @Test
  void minimumsDropPairs() {
    // min-baskets 2 keeps AB, AC, BC (6 ordered); of those lift >= 1.1 only A>B and B>A (1.125).
    assertEquals(
        6,
        FrequentlyBoughtTogether.pairStats(sixBaskets(), settings(2, 0, 1.0, 50)).count(),
        "pairs with >= 2 baskets and lift >= 1");
    assertEquals(
        2,
        FrequentlyBoughtTogether.pairStats(sixBaskets(), settings(2, 0, 1.1, 50)).count(),
        "pairs with lift >= 1.1");
    // Confidence >= 0.6: A>B 0.75, B>A 0.75, C>A 2/3, C>B 2/3.
    Map<String, Row> confident =
        byPair(FrequentlyBoughtTogether.pairStats(sixBaskets(), settings(1, 0.6, 0, 50)));
    assertEquals(
        List.of("A>B", "B>A", "C>A", "C>B"),
        confident.keySet().stream().sorted().toList(),
        "pairs with confidence >= 0.6");
    // Support >= 0.4 (>= 2.4 of 6 baskets): only AB.
    FbtSettings support = Fixtures.fbt(1, 0.4, 0, 0, 10, 50);
    assertEquals(
        2,
        FrequentlyBoughtTogether.pairStats(sixBaskets(), support).count(),
        "pairs with support >= 0.4");
  }

  @Test
  void basketsAboveTheCapAreLeftOutOfEveryCount() {
    FbtSettings capped = settings(1, 0, 0, 2);
    Dataset<Row> baskets = FrequentlyBoughtTogether.baskets(sixBaskets());
    // o1 and o5 hold 3 items each.
    assertEquals(
        2, FrequentlyBoughtTogether.cappedBaskets(baskets, capped).count(), "capped baskets");
    // Left: {A,B} {A,C} {B,C} {D}: N = 4, A 2, B 2, C 2; AB 1 -> conf 1/2, lift 0.5 / (2/4) = 1.
    Map<String, Row> pairs = byPair(FrequentlyBoughtTogether.pairStats(sixBaskets(), capped));
    assertEquals(6, pairs.size(), "ordered pairs without the capped baskets: " + pairs.keySet());
    assertPair(pairs, "A>B", 1, 0.25, 0.5, 1.0);
  }

  @Test
  void withoutAnOrderABasketIsTheUsersDay() {
    Dataset<Row> events =
        Fixtures.events(
            List.of(
                event("2026-03-01T09:00:00Z", "u1", "X", "purchase", null),
                event("2026-03-01T23:30:00Z", "u1", "Y", "purchase", null),
                event(
                    "2026-03-02T00:30:00Z",
                    "u1",
                    "Z",
                    "purchase",
                    null), // next day: its own basket
                event("2026-03-01T10:00:00Z", "u2", "X", "purchase", "o9"),
                event("2026-03-01T10:05:00Z", "u2", "Y", "purchase", "o9"),
                event(
                    "2026-03-01T12:00:00Z",
                    "u2",
                    "Z",
                    "purchase",
                    null), // same day, but not order o9
                event("2026-03-01T12:00:00Z", null, "X", "purchase", "o10"), // guest with an order
                event("2026-03-01T12:00:00Z", null, "Z", "purchase", "o10"),
                event(
                    "2026-03-01T12:00:00Z",
                    null,
                    "Y",
                    "purchase",
                    null))); // guest, no order: no basket
    // Baskets {X,Y} u1/d1, {Z} u1/d2, {X,Y} o9, {Z} u2/d1, {X,Z} o10: N = 5; X 3, Y 2, Z 3.
    assertEquals(5, FrequentlyBoughtTogether.baskets(events).count(), "baskets");
    assertEquals(
        1,
        FrequentlyBoughtTogether.unattributedPurchases(events).count(),
        "unattributed purchases");
    Map<String, Row> pairs =
        byPair(FrequentlyBoughtTogether.pairStats(events, settings(1, 0, 0, 50)));
    // X>Y: 2 of 3 -> conf 2/3, lift (2/3) / (2/5) = 5/3; Y>X: conf 1, lift 1 / (3/5) = 5/3.
    assertPair(pairs, "X>Y", 2, 0.4, 2 / 3.0, 5 / 3.0);
    assertPair(pairs, "Y>X", 2, 0.4, 1.0, 5 / 3.0);
    // X>Z: 1 of 3 -> conf 1/3, lift (1/3) / (3/5) = 5/9.
    assertPair(pairs, "X>Z", 1, 0.2, 1 / 3.0, 5 / 9.0);
    assertEquals(4, pairs.size(), "ordered pairs: " + pairs.keySet());
  }
}
