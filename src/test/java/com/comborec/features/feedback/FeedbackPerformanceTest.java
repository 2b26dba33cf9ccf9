package com.comborec.features.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A hand-counted fixture: the previous run's published tables, 21 feedback rows of the run day, and
 * the counts and rates per surface and strategy worked out row by row in the comments.
 */
class FeedbackPerformanceTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final StructType FEEDBACK =
      Schemas.validated(Source.FEEDBACK).add("dt", DataTypes.DateType);
  private static final LocalDate DAY = LocalDate.of(2026, 6, 2);

  /**
   * Yesterday: u1 got [A, B, C] from als, u2 [A, D] from global_popular; fbt, similar, bundles
   * below.
   */
  private static Dataset<Row> exposures() {
    Dataset<Row> recs =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create("u1", 0, "als", items("A", "B", "C"), "m1"),
                RowFactory.create("u2", 1, "global_popular", items("A", "D"), "m1")),
            Schemas.RECOMMENDATIONS);
    // X's companions are Y and Z, Z's companion is Y again: Y is one exposure, not two.
    Dataset<Row> fbt =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create("X", List.of(companion(1, "Y"), companion(2, "Z"))),
                RowFactory.create("Z", List.of(companion(1, "Y")))),
            Schemas.FREQUENTLY_BOUGHT_TOGETHER);
    Dataset<Row> similar =
        SPARK.createDataFrame(
            List.of(RowFactory.create("Y", List.of(RowFactory.create(1, "X", 0.9)))),
            Schemas.SIMILAR_ITEMS);
    Dataset<Row> segments =
        SPARK.createDataFrame(
            List.of(RowFactory.create("u1", 0), RowFactory.create("u2", 1)), Schemas.SEGMENTS);
    Dataset<Row> bundles =
        SPARK.createDataFrame(List.of(bundle(0, "b1"), bundle(1, "b2")), Schemas.BUNDLES);
    return FeedbackPerformance.recommendationExposures(recs)
        .unionByName(FeedbackPerformance.companionExposures(fbt))
        .unionByName(FeedbackPerformance.neighborExposures(similar))
        .unionByName(FeedbackPerformance.bundleExposures(bundles, segments));
  }

  private static Dataset<Row> feedback() {
    return SPARK.createDataFrame(
        List.of(
            fb("u1", "recommendations", "A", null, "impression"), //  1 als
            fb("u1", "recommendations", "A", null, "click"), //  2 als
            fb("u1", "recommendations", "A", null, "add_to_cart"), //  3 als
            fb("u1", "recommendations", "A", null, "purchase"), //  4 als
            fb("u1", "recommendations", "B", null, "impression"), //  5 als
            fb("u1", "recommendations", "C", null, "impression"), //  6 als
            fb("u1", "recommendations", "C", null, "dismiss"), //  7 als
            fb(
                "u1",
                "recommendations",
                "D",
                null,
                "impression"), //  8 unmatched: D was u2's, not u1's
            fb("u2", "recommendations", "A", null, "impression"), //  9 global_popular
            fb("u2", "recommendations", "D", null, "impression"), // 10 global_popular
            fb("u2", "recommendations", "D", null, "click"), // 11 global_popular
            fb("u3", "recommendations", "A", null, "impression"), // 12 unmatched: u3 got no list
            fb(
                "u1",
                "recommendations",
                null,
                "b1",
                "impression"), // 13 unmatched: a bundle id on the list surface
            fb(
                "u1",
                "frequently_bought_together",
                "Y",
                null,
                "impression"), // 14 default (any user)
            fb("u2", "frequently_bought_together", "Y", null, "click"), // 15 default
            fb(
                "u1",
                "frequently_bought_together",
                "X",
                null,
                "impression"), // 16 unmatched: X is never a companion
            fb("u3", "similar_items", "X", null, "impression"), // 17 default
            fb("u1", "bundles", null, "b1", "impression"), // 18 default: b1 is u1's segment 0's
            fb("u1", "bundles", null, "b1", "click"), // 19 default
            fb("u2", "bundles", null, "b1", "impression"), // 20 unmatched: u2 is in segment 1
            fb("u2", "bundles", null, "b2", "dismiss")), // 21 default
        FEEDBACK);
  }

  @Test
  void attributionKeepsEveryRowAndNamesTheStrategy() {
    List<Row> rows = FeedbackPerformance.attribute(feedback(), exposures()).collectAsList();
    assertEquals(21, rows.size(), "feedback rows after the join");
    long unmatched = rows.stream().filter(r -> r.isNullAt(r.fieldIndex("strategy"))).count();
    assertEquals(5, unmatched, "rows 8, 12, 13, 16, 20 match nothing");
  }

  @Test
  void countsAndRatesPerSurfaceAndStrategy() {
    Map<String, List<Object>> got = table(FeedbackPerformance.performance(feedback(), exposures()));
    Map<String, List<Object>> want = new TreeMap<>();
    // key: [rows, impressions, clicks, add_to_carts, purchases, dismissals, ctr, add_to_cart_rate,
    // conversion]
    // als: rows 1-7; impressions 1, 5, 6 = 3; click 2; cart 3; purchase 4; dismiss 7 -> 1/3 each
    want.put("recommendations/als", List.of(7L, 3L, 1L, 1L, 1L, 1L, 1 / 3.0, 1 / 3.0, 1 / 3.0));
    // global_popular: rows 9-11; impressions 9, 10; click 11 -> ctr 1/2, no cart or purchase
    want.put("recommendations/global_popular", List.of(3L, 2L, 1L, 0L, 0L, 0L, 0.5, 0.0, 0.0));
    want.put("recommendations/-", List.of(3L, 3L, 0L, 0L, 0L, 0L, 0.0, 0.0, 0.0)); // 8, 12, 13
    // fbt: rows 14, 15: one impression, one click (by another user: fbt is not per user) -> ctr 1
    want.put("frequently_bought_together/default", List.of(2L, 1L, 1L, 0L, 0L, 0L, 1.0, 0.0, 0.0));
    want.put("frequently_bought_together/-", List.of(1L, 1L, 0L, 0L, 0L, 0L, 0.0, 0.0, 0.0)); // 16
    want.put("similar_items/default", List.of(1L, 1L, 0L, 0L, 0L, 0L, 0.0, 0.0, 0.0)); // 17
    // bundles: rows 18, 19, 21: impression 18, click 19, dismiss 21
    want.put("bundles/default", List.of(3L, 1L, 1L, 0L, 0L, 1L, 1.0, 0.0, 0.0));
    want.put("bundles/-", List.of(1L, 1L, 0L, 0L, 0L, 0L, 0.0, 0.0, 0.0)); // 20
    assertEquals(want.keySet(), got.keySet(), "groups");
    String[] names = {
      "rows",
      "impressions",
      "clicks",
      "add_to_carts",
      "purchases",
      "dismissals",
      "ctr",
      "add_to_cart_rate",
      "conversion"
    };
    want.forEach(
        (group, values) -> {
          for (int i = 0; i < names.length; i++) {
            Object w = values.get(i);
            Object g = got.get(group).get(i);
            if (w instanceof Double d) {
              assertEquals(d, (Double) g, 1e-12, group + " " + names[i]);
            } else {
              assertEquals(w, g, group + " " + names[i]);
            }
          }
        });
  }

  @Test
  void withoutAPreviousRunEveryRowIsUnmatched() {
    Dataset<Row> nothing = SPARK.createDataFrame(List.of(), FeedbackPerformance.EXPOSURES);
    List<Row> summary =
        FeedbackPerformance.performance(feedback(), nothing).orderBy("surface").collectAsList();
    Map<String, Object> figures = FeedbackFigures.of(summary, null);
    assertEquals(21L, figures.get("feedback.rows"), "rows");
    assertEquals(0L, figures.get("feedback.matched"), "matched");
    assertEquals(21L, figures.get("feedback.unmatched"), "unmatched");
    assertEquals(13L, figures.get("feedback.recommendations.unmatched"), "rows 1-13");
    assertNull(figures.get("feedback.previous_run"), "no previous run");
  }

  @Test
  void figuresNameSurfaceStrategyAndTotals() {
    List<Row> summary =
        FeedbackPerformance.performance(feedback(), exposures())
            .orderBy("surface", "strategy")
            .collectAsList();
    Map<String, Object> figures = FeedbackFigures.of(summary, DAY.minusDays(1));
    assertEquals("2026-06-01", figures.get("feedback.previous_run"), "previous run");
    assertEquals(3L, figures.get("feedback.recommendations.als.impressions"), "als impressions");
    assertEquals(0.333333, figures.get("feedback.recommendations.als.ctr"), "als ctr, 6 decimals");
    assertEquals(
        0.5, figures.get("feedback.recommendations.global_popular.ctr"), "global_popular ctr");
    assertEquals(
        0.0, figures.get("feedback.recommendations.global_popular.conversion"), "no purchase");
    assertEquals(1L, figures.get("feedback.bundles.default.dismissals"), "bundle dismissals");
    assertEquals(3L, figures.get("feedback.recommendations.unmatched"), "rows 8, 12, 13");
    assertEquals(21L, figures.get("feedback.rows"), "all rows");
    assertEquals(16L, figures.get("feedback.matched"), "7 + 3 + 2 + 1 + 3");
    assertEquals(5L, figures.get("feedback.unmatched"), "3 + 1 + 1");
  }

  @Test
  void aGroupWithoutImpressionsHasCountsButNoRates() {
    Dataset<Row> clickOnly =
        SPARK.createDataFrame(List.of(fb("u1", "recommendations", "A", null, "click")), FEEDBACK);
    Map<String, Object> figures =
        FeedbackFigures.of(
            FeedbackPerformance.performance(clickOnly, exposures()).collectAsList(),
            DAY.minusDays(1));
    assertEquals(1L, figures.get("feedback.recommendations.als.clicks"), "als clicks");
    assertEquals(0L, figures.get("feedback.recommendations.als.impressions"), "als impressions");
    assertFalse(
        figures.containsKey("feedback.recommendations.als.ctr"),
        "ctr of 0 impressions is left out");
  }

  @Test
  void noFeedbackGivesZeroTotalsAndNoRates() {
    Map<String, Object> figures = FeedbackFigures.of(List.of(), null);
    Map<String, Object> want = new LinkedHashMap<>();
    want.put("feedback.rows", 0L);
    want.put("feedback.matched", 0L);
    want.put("feedback.unmatched", 0L);
    assertEquals(want, figures, "figures without feedback");
  }

  /**
   * "surface/strategy" ("-" = unmatched) -> the nine figures (a rate without impressions is null).
   */
  private static Map<String, List<Object>> table(Dataset<Row> summary) {
    Map<String, List<Object>> out = new TreeMap<>();
    for (Row r : summary.collectAsList()) {
      String strategy =
          r.isNullAt(r.fieldIndex("strategy")) ? "-" : r.getString(r.fieldIndex("strategy"));
      List<Object> v = new ArrayList<>();
      for (String c :
          List.of("rows", "impressions", "clicks", "add_to_carts", "purchases", "dismissals")) {
        v.add(r.getLong(r.fieldIndex(c)));
      }
      for (String c : List.of("ctr", "add_to_cart_rate", "conversion")) {
        v.add(r.isNullAt(r.fieldIndex(c)) ? null : r.getDouble(r.fieldIndex(c)));
      }
      out.put(r.getString(r.fieldIndex("surface")) + "/" + strategy, v);
    }
    return out;
  }

  private static Row fb(String user, String surface, String item, String bundle, String action) {
    return RowFactory.create(
        Timestamp.valueOf(DAY + " 10:00:00"),
        user,
        surface,
        item,
        bundle,
        action,
        Date.valueOf(DAY));
  }

  private static List<Row> items(String... ids) {
    List<Row> out = new ArrayList<>();
    for (int k = 0; k < ids.length; k++) {
      out.add(RowFactory.create(k + 1, ids[k], 1.0 - k * 0.1, "personal", null));
    }
    return out;
  }

  private static Row companion(int rank, String item) {
    return RowFactory.create(rank, item, 3L, 0.5, 2.0);
  }

  private static Row bundle(int segment, String id) {
    return RowFactory.create(
        segment,
        1,
        id,
        List.of(RowFactory.create("A", "t", "c", 1.0)),
        1.0,
        1.0,
        0.0,
        0.5,
        1.0,
        1.0,
        "OPTIMAL");
  }
}
