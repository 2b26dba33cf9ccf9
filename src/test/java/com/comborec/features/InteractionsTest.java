package com.comborec.features;

import static com.comborec.features.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import com.comborec.store.WorkSchemas;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class InteractionsTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final Map<String, Double> WEIGHTS =
      Map.of(
          "view",
          1.0,
          "click",
          1.0,
          "add_to_cart",
          3.0,
          "wishlist",
          3.0,
          "purchase",
          5.0,
          "return",
          -5.0);
  // Run day 2026-03-10 in UTC: ages are measured from 2026-03-11T00:00Z.
  private static final Instant END =
      Interactions.endOfDay(LocalDate.parse("2026-03-10"), ZoneOffset.UTC);
  private static final InteractionSettings LOG1P = new InteractionSettings(10, "log1p");

  @Test
  void endOfDayIsMidnightAfterTheRunDayInTheZone() {
    assertEquals(Instant.parse("2026-03-11T00:00:00Z"), END);
    assertEquals(
        Instant.parse("2026-03-10T23:00:00Z"),
        Interactions.endOfDay(LocalDate.parse("2026-03-10"), java.time.ZoneId.of("Europe/Berlin")));
  }

  @Test
  void weightsQuantityDecayReturnsAndGuests() {
    Dataset<Row> events =
        TestEvents.of(
            SPARK,
            List.of(
                // u1/A: purchase x2, 10 days old = one half-life: 5 * log1p(2) * 0.5 = 2.5 * ln 3 =
                // 2.746531
                event("2026-03-01T00:00:00Z", "u1", "A", "purchase", 2),
                // u1/B: click, quantity null (= 1), 20 days old: 1 * ln 2 * 0.25 = 0.173287
                event("2026-02-19T00:00:00Z", "u1", "B", "click", null),
                // u2/A: purchase then return, both 10 days old: 5 ln2 0.5 - 5 ln2 0.5 = 0 ->
                // dropped
                event("2026-03-01T00:00:00Z", "u2", "A", "purchase", 1),
                event("2026-03-01T00:00:00Z", "u2", "A", "return", 1),
                // u2/C: purchase 10 days old, return 20 days old: 5 ln2 (0.5 - 0.25) = 1.25 ln 2 =
                // 0.866434
                event("2026-03-01T00:00:00Z", "u2", "C", "purchase", 1),
                event("2026-02-19T00:00:00Z", "u2", "C", "return", 1),
                // u3/D: add_to_cart x3, 5 days old: 3 * ln 4 * 0.5^0.5 = 2.940857
                event("2026-03-06T00:00:00Z", "u3", "D", "add_to_cart", 3),
                // a guest's purchase: no row
                event("2026-03-10T12:00:00Z", null, "A", "purchase", 1)));
    Map<String, Double> got = strengths(Interactions.computeStrengths(events, WEIGHTS, LOG1P, END));
    Map<String, Double> want =
        new TreeMap<>(
            Map.of(
                "u1/A", 5 * Math.log(3) * 0.5,
                "u1/B", 1 * Math.log(2) * 0.25,
                "u2/C", 5 * Math.log(2) * 0.5 - 5 * Math.log(2) * 0.25,
                "u3/D", 3 * Math.log(4) * Math.sqrt(0.5)));
    assertEquals(want.keySet(), got.keySet(), "pairs");
    want.forEach((pair, v) -> assertEquals(v, got.get(pair), 1e-9, "strength of " + pair));
    assertEquals(2.746531, got.get("u1/A"), 1e-6, "u1/A written out by hand");
  }

  @Test
  void linearAndNoDamping() {
    Dataset<Row> events =
        TestEvents.of(SPARK, List.of(event("2026-03-01T00:00:00Z", "u1", "A", "purchase", 2)));
    // linear: 5 * 2 * 0.5 = 5.0; none: 5 * 0.5 = 2.5
    assertEquals(
        5.0,
        strengths(
                Interactions.computeStrengths(
                    events, WEIGHTS, new InteractionSettings(10, "linear"), END))
            .get("u1/A"),
        1e-9,
        "linear u1/A");
    assertEquals(
        2.5,
        strengths(
                Interactions.computeStrengths(
                    events, WEIGHTS, new InteractionSettings(10, "none"), END))
            .get("u1/A"),
        1e-9,
        "none u1/A");
  }

  @Test
  void indexIsDenseAndFollowsSortedIds() {
    Dataset<Row> in =
        SPARK.createDataFrame(
            List.of(
                org.apache.spark.sql.RowFactory.create("u2", "B", 1.0),
                org.apache.spark.sql.RowFactory.create("u1", "B", 1.0),
                org.apache.spark.sql.RowFactory.create("u3", "A", 1.0),
                org.apache.spark.sql.RowFactory.create("u1", "A", 1.0)),
            WorkSchemas.INTERACTIONS);
    Map<String, Integer> users = new TreeMap<>();
    for (Row r : Interactions.buildIndex(in, "user_id", "uid").collectAsList()) {
      users.put(r.getString(0), r.getInt(1));
    }
    assertEquals(Map.of("u1", 0, "u2", 1, "u3", 2), users, "user_index");
    Map<String, Integer> items = new TreeMap<>();
    for (Row r : Interactions.buildIndex(in, "item_id", "iid").collectAsList()) {
      items.put(r.getString(0), r.getInt(1));
    }
    assertEquals(Map.of("A", 0, "B", 1), items, "item_index");
    assertEquals(
        4,
        Interactions.toDenseIds(
                in,
                Interactions.buildIndex(in, "user_id", "uid"),
                Interactions.buildIndex(in, "item_id", "iid"))
            .count(),
        "dense rows");
  }

  private static Map<String, Double> strengths(Dataset<Row> interactions) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : interactions.collectAsList()) {
      out.put(
          r.getString(r.fieldIndex("user_id")) + "/" + r.getString(r.fieldIndex("item_id")),
          r.getDouble(r.fieldIndex("strength")));
    }
    return out;
  }
}
