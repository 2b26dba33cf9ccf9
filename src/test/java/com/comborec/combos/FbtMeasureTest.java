package com.comborec.combos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Hit rate@1 of every ordering on hand-counted training and held-out baskets. */
class FbtMeasureTest {
  static final String TRAINING_DAY = "2026-02-01";
  static final String HELD_OUT_DAY = "2026-03-01";

  /**
   * Training, N = 9: t1 {A,B}, t2 {A,B}, t3 {A,R}, t4 {B}, t5 {B}, t6 {B,C}, t7 {C}, t8 {C}, t9
   * {S}. Baskets: A 3, B 5, C 3, R 1, S 1; popular: B, then A (A and C tie at 3: by id).
   *
   * <p>A's companions: B (2 baskets, conf 2/3, lift 2*9/(3*5) = 1.2), R (1, 1/3, 1*9/(3*1) = 3).
   * Confidence ranks B first; lift, shrunk lift ((1+5)/(1/3+5) = 1.125 > (2+5)/(2/1.2+5) = 1.05),
   * confidence x lift (1.0 > 0.8) and added probability (1/3 - 1/9 > 2/3 - 5/9) rank R first. Every
   * ordering: B -> A (conf 0.4, lift 1.2 vs C 0.2, 0.6), C -> B, R -> A; S has no pair.
   */
  static List<String> training() {
    return List.of("t1:A,B", "t2:A,B", "t3:A,R", "t4:B", "t5:B", "t6:B,C", "t7:C", "t8:C", "t9:S");
  }

  /**
   * Held out; anchors are the items seen in training (X, Y, Q, Z never were): h1 {A,B}: A, B. h2
   * {A,R}: A, R. h3 {B,C,X}: B, C. h4 {Z}: one item, not measured. h5 {C,Y}: C. h6 {A,R,Q}: A, R.
   * h7 {B,S}: B, S. 11 (basket, anchor) pairs in 6 baskets.
   *
   * <p>Top 1 hits: confidence h1 A>B B>A, h2 R>A, h3 C>B, h6 R>A = 5; the other orderings h1 B>A,
   * h2 A>R R>A, h3 C>B, h6 A>R R>A = 6. Popularity (B, or A for B itself): h1 A>B B>A, h3 C>B, h7
   * S>B = 4. Filling S's empty list with B adds h7 S>B to every pair ordering: 6 and 7.
   */
  static List<String> heldOut() {
    return List.of("h1:A,B", "h2:A,R", "h3:B,C,X", "h4:Z", "h5:C,Y", "h6:A,R,Q", "h7:B,S");
  }

  static Dataset<Row> events() {
    List<Row> rows = new ArrayList<>();
    addOrders(rows, TRAINING_DAY, training());
    addOrders(rows, HELD_OUT_DAY, heldOut());
    return Fixtures.events(rows);
  }

  static void addOrders(List<Row> rows, String day, List<String> baskets) {
    for (String basket : baskets) {
      String[] parts = basket.split(":");
      for (String item : parts[1].split(",")) {
        rows.add(Fixtures.event(day + "T10:00:00Z", "u-" + parts[0], item, "purchase", parts[0]));
      }
    }
  }

  static Dataset<Row> products() {
    return CompanionsTest.allSellable("A", "B", "C", "Q", "R", "S", "X", "Y", "Z");
  }

  /** min-baskets 1, no confidence or lift minimum, top-m 1 (so hit rate@1), fill as given. */
  static FbtSettings settings(boolean fill) {
    return new FbtSettings(1, 0, 0, 0, 1, FbtSettings.AUTO, 5.0, fill, 50, 28, 1);
  }

  static Map<FbtOrder, Long> hits(long confidence, long others, long popularity) {
    Map<FbtOrder, Long> hits = new EnumMap<>(FbtOrder.class);
    for (FbtOrder order : FbtOrder.pairOrders()) {
      hits.put(order, others);
    }
    hits.put(FbtOrder.CONFIDENCE, confidence);
    hits.put(FbtOrder.POPULARITY, popularity);
    return hits;
  }

  @Test
  void countsHitsOfEveryOrderingOverBasketAnchorPairs() {
    Dataset<Row> baskets = FrequentlyBoughtTogether.baskets(events());
    Dataset<Row> training = baskets.filter("day < date'" + HELD_OUT_DAY + "'");
    Dataset<Row> heldOut = baskets.filter("day = date'" + HELD_OUT_DAY + "'");
    FbtMeasure.Figures f = FbtMeasure.measure(training, heldOut, products(), settings(false));
    assertEquals(new FbtMeasure.Figures(9, 6, 11, hits(5, 6, 4)), f, "without fill");
    assertEquals(6 / 11.0, f.hitRate(FbtOrder.LIFT), 1e-12, "lift hit rate");
    assertEquals(
        new FbtMeasure.Figures(9, 6, 11, hits(6, 7, 4)),
        FbtMeasure.measure(training, heldOut, products(), settings(true)),
        "short lists filled with popular items");
  }

  @Test
  void holdsOutTheBasketsOfTheLastEvalDays() {
    Dataset<Row> baskets = FrequentlyBoughtTogether.baskets(events());
    // Run day 2026-03-05, 28 days: held out from 2026-02-06, so t1..t9 train and h1..h7 are held
    // out, as above.
    LocalDate runDay = LocalDate.parse("2026-03-05");
    FbtSettings s = settings(false);
    assertEquals(LocalDate.parse("2026-02-06"), FbtMeasure.heldOutFrom(runDay, s), "first day");
    assertEquals(
        new FbtMeasure.Figures(9, 6, 11, hits(5, 6, 4)),
        FbtMeasure.lastDays(baskets, runDay, products(), s),
        "28 days");
    // Only the run day held out: nothing to measure, everything trains.
    FbtSettings oneDay = new FbtSettings(1, 0, 0, 0, 1, FbtSettings.AUTO, 5.0, false, 50, 1, 1);
    FbtMeasure.Figures none = FbtMeasure.lastDays(baskets, runDay, products(), oneDay);
    assertEquals(16L, none.trainingBaskets(), "all 16 baskets train");
    assertEquals(0L, none.anchorPairs(), "no anchor pairs");
  }
}
