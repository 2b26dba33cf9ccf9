package com.comborec.features;

import static com.comborec.features.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestConfig;
import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * Feedback clicks, carts and purchases on items add strength with their own weights and the events'
 * decay; impressions, dismissals and bundle rows add nothing; no feedback changes nothing.
 */
class FeedbackInteractionsTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final StructType FEEDBACK =
      Schemas.validated(Source.FEEDBACK).add("dt", DataTypes.DateType);
  private static final Map<String, Double> EVENT_WEIGHTS =
      Map.of("click", 1.0, "purchase", 5.0, "return", -5.0);
  // Deliberately unlike the event weights, so the test shows which map each row takes.
  private static final Map<String, Double> FEEDBACK_WEIGHTS =
      Map.of("click", 2.0, "add_to_cart", 4.0, "purchase", 6.0);
  private static final InteractionSettings S =
      new InteractionSettings(10, "log1p", FEEDBACK_WEIGHTS);
  // Run day 2026-03-10 (UTC): ages from 2026-03-11T00:00Z; 10 days = one half-life (x 0.5), 20 =
  // two (x 0.25).
  private static final Instant END =
      Interactions.endOfDay(LocalDate.parse("2026-03-10"), ZoneOffset.UTC);
  private static final String TEN = "2026-03-01T00:00:00Z";
  private static final String TWENTY = "2026-02-19T00:00:00Z";
  private static final double LN2 = Math.log(2);

  @Test
  void feedbackActionsAddTheirOwnWeightsWithTheSameDecay() {
    Dataset<Row> events =
        TestEvents.of(
            SPARK,
            List.of(
                event(TEN, "u1", "A", "purchase", 1), // 5 ln2 0.5 = 2.5 ln2
                event(TEN, "u2", "D", "return", 1))); // -5 ln2 0.5 = -2.5 ln2
    Dataset<Row> feedback =
        SPARK.createDataFrame(
            List.of(
                fb(
                    TEN,
                    "u1",
                    "recommendations",
                    "A",
                    null,
                    "click"), // + 2 ln2 0.5 = ln2 -> u1/A 3.5 ln2
                fb(TEN, "u1", "recommendations", "B", null, "impression"), // nothing
                fb(TEN, "u1", "similar_items", "B", null, "dismiss"), // nothing
                fb(
                    TWENTY,
                    "u2",
                    "frequently_bought_together",
                    "C",
                    null,
                    "add_to_cart"), // 4 ln2 0.25 = ln2
                fb(
                    TEN,
                    "u2",
                    "recommendations",
                    "D",
                    null,
                    "purchase"), // 6 ln2 0.5 = 3 ln2; net with return 0.5 ln2
                fb(TEN, "u3", "bundles", null, "b1", "purchase"), // no item: nothing
                fb(TEN, "u3", "recommendations", "E", null, "dismiss")), // nothing
            FEEDBACK);
    Map<String, Double> got =
        strengths(Interactions.computeStrengths(events, feedback, EVENT_WEIGHTS, S, END));
    Map<String, Double> want =
        new TreeMap<>(
            Map.of(
                "u1/A", 3.5 * LN2, // 2.426015
                "u2/C", LN2, // 0.693147
                "u2/D", 0.5 * LN2)); // 0.346574
    assertEquals(
        want.keySet(), got.keySet(), "pairs (impression, dismiss and bundle rows add none)");
    want.forEach((pair, v) -> assertEquals(v, got.get(pair), 1e-9, "strength of " + pair));
    assertEquals(2.426015, got.get("u1/A"), 1e-6, "u1/A written out by hand");
  }

  @Test
  void zeroWeightsOrNoFeedbackGiveTheEventsOnlyStrengths() {
    Dataset<Row> events = TestEvents.of(SPARK, List.of(event(TEN, "u1", "A", "purchase", 2)));
    Dataset<Row> clicks =
        SPARK.createDataFrame(
            List.of(
                fb(TEN, "u1", "recommendations", "A", null, "click"),
                fb(TEN, "u9", "recommendations", "Z", null, "purchase")),
            FEEDBACK);
    Dataset<Row> none = SPARK.createDataFrame(List.of(), FEEDBACK);
    // events only: 5 ln3 0.5 = 2.746531
    Map<String, Double> eventsOnly =
        strengths(Interactions.computeStrengths(events, EVENT_WEIGHTS, S, END));
    assertEquals(round(Map.of("u1/A", 2.5 * Math.log(3))), round(eventsOnly), "events only");
    InteractionSettings zero =
        new InteractionSettings(
            10, "log1p", Map.of("click", 0.0, "add_to_cart", 0.0, "purchase", 0.0));
    assertEquals(
        round(eventsOnly),
        round(strengths(Interactions.computeStrengths(events, clicks, EVENT_WEIGHTS, zero, END))),
        "all feedback weights 0");
    assertEquals(
        round(eventsOnly),
        round(strengths(Interactions.computeStrengths(events, none, EVENT_WEIGHTS, S, END))),
        "empty feedback");
  }

  @Test
  void referenceConfHasTheDefaultFeedbackWeights() {
    assertEquals(
        Map.of("click", 1.0, "add_to_cart", 3.0, "purchase", 5.0),
        TestConfig.defaults().get(InteractionSettings.SECTION).feedbackWeights(),
        "comborec.interactions.feedback-weights");
    assertEquals(
        Map.of("click", 0.5, "add_to_cart", 3.0, "purchase", 5.0),
        TestConfig.defaults()
            .with("interactions.feedback-weights.click=0.5")
            .get(InteractionSettings.SECTION)
            .feedbackWeights(),
        "--set overrides one action");
  }

  private static Row fb(
      String iso, String user, String surface, String item, String bundle, String action) {
    Instant t = Instant.parse(iso);
    return RowFactory.create(
        Timestamp.from(t),
        user,
        surface,
        item,
        bundle,
        action,
        Date.valueOf(t.atZone(ZoneOffset.UTC).toLocalDate()));
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

  private static Map<String, Double> round(Map<String, Double> in) {
    Map<String, Double> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k, Math.round(v * 1e9) / 1e9));
    return out;
  }
}
