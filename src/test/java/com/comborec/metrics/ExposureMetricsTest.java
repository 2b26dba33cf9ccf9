package com.comborec.metrics;

import static com.comborec.Rows.CATALOG;
import static com.comborec.Rows.PURCHASES;
import static com.comborec.Rows.frame;
import static com.comborec.Rows.recommendation;
import static com.comborec.Rows.recommendations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark measures on a hand-computed fixture.
 *
 * <pre>
 * catalog   p1 kitchen, p2 kitchen, p3 garden, p4 garden, p5 toys        (5 items, head = ceil(1) = {p1})
 * purchases p1 6, p2 2, p3 1, p9 1 (p9 not in the catalog)               (10 in all)
 * lists     u1 seg 1 [p1 p2 p3], u2 seg 1 [p1 p3], u3 seg 2 [p4], u4 seg 2 [p1 p2]
 * </pre>
 */
class ExposureMetricsTest {
  static final double EPS = 1e-9;
  static Map<String, Double> figures;

  @BeforeAll
  static void compute() {
    Dataset<Row> catalog = catalog();
    Dataset<Row> purchases =
        frame(
            PURCHASES,
            RowFactory.create("p1", 6L),
            RowFactory.create("p2", 2L),
            RowFactory.create("p3", 1L),
            RowFactory.create("p9", 1L));
    Dataset<Row> recs =
        recommendations(
            recommendation("u1", 1, "p1", "p2", "p3"),
            recommendation("u2", 1, "p1", "p3"),
            recommendation("u3", 2, "p4"),
            recommendation("u4", 2, "p1", "p2"));
    figures = ExposureMetrics.figures(recs, catalog, purchases);
  }

  /** The fixture's catalog: p1, p2 kitchen; p3, p4 garden; p5 toys. */
  private static Dataset<Row> catalog() {
    return frame(
        CATALOG,
        RowFactory.create("p1", "kitchen"),
        RowFactory.create("p2", "kitchen"),
        RowFactory.create("p3", "garden"),
        RowFactory.create("p4", "garden"),
        RowFactory.create("p5", "toys"));
  }

  /** Distinct shown: all p1..p4 = 4/5; segment 1 p1..p3 = 3/5; segment 2 p1, p2, p4 = 3/5. */
  @Test
  void coverage() {
    assertFigure(0.8, "coverage");
    assertFigure(0.6, "segments.1.coverage");
    assertFigure(0.6, "segments.2.coverage");
    assertFigure(4.0, "lists");
    assertFigure(2.0, "segments.2.lists");
  }

  /**
   * Exposures (lists showing the item), p5 never shown = 0. All: p1 3, p2 2, p3 2, p4 1, p5 0 ->
   * (0,1,2,2,3): 2*31/(5*8) - 6/5 = 0.35. Segment 1: p1 2, p3 2, p2 1, p4 0, p5 0 -> (0,0,1,2,2):
   * sum(i x) = 3+8+10 = 21, 42/25 - 1.2 = 0.48. Segment 2: p1 1, p2 1, p4 1 -> (0,0,1,1,1): sum(i
   * x) = 12, 24/15 - 1.2 = 0.4.
   */
  @Test
  void giniOfExposure() {
    assertFigure(0.35, "gini");
    assertFigure(0.48, "segments.1.gini");
    assertFigure(0.4, "segments.2.gini");
  }

  /**
   * Head = {p1}. All: 8 slots, 3 of p1 -> 5/8. Segment 1: 5 slots, 2 of p1 -> 3/5. Segment 2: 3, 1
   * -> 2/3.
   */
  @Test
  void longTailShare() {
    assertFigure(0.625, "long_tail_share");
    assertFigure(0.6, "segments.1.long_tail_share");
    assertFigure(2.0 / 3, "segments.2.long_tail_share");
  }

  /**
   * Bits: p1 log2(10/6), p2 log2(10/2), p3 log2(10/1), p4 never bought log2(10/0.5). All slots: 3
   * p1 + 2 p2 + 2 p3 + 1 p4, over 8. Segment 2: p4 + p1 + p2 over 3.
   */
  @Test
  void novelty() {
    double p1 = log2(10 / 6.0);
    double p2 = log2(5);
    double p3 = log2(10);
    double p4 = log2(20);
    assertFigure((3 * p1 + 2 * p2 + 2 * p3 + p4) / 8, "novelty");
    assertFigure((2 * p1 + p2 + 2 * p3) / 5, "segments.1.novelty");
    assertFigure((p4 + p1 + p2) / 3, "segments.2.novelty");
    assertEquals(
        Measures.novelty(new long[] {6, 6, 6, 2, 2, 1, 1, 0}, 10),
        figures.get("responsible.published.novelty"),
        EPS,
        "Spark novelty equals Measures.novelty on the same slots");
  }

  /**
   * u1 [kitchen kitchen garden] 2/3, u2 [kitchen garden] 1, u3 one item (left out), u4 [kitchen
   * kitchen] 0. All: (2/3 + 1 + 0)/3 = 5/9. Segment 1: (2/3 + 1)/2 = 5/6. Segment 2: u4 only, 0.
   */
  @Test
  void intraListDiversity() {
    assertFigure(5.0 / 9, "intra_list_diversity");
    assertFigure(5.0 / 6, "segments.1.intra_list_diversity");
    assertFigure(0.0, "segments.2.intra_list_diversity");
  }

  /**
   * An item listed twice in one row is shown once: u1 [p1 p1 p2], u2 [p1], same catalog and
   * purchases (head {p1}). Exposures p1 2, p2 1 -> (0,0,0,1,2): 2*(4+10)/(5*3) - 6/5 = 2/3 (a count
   * of slots would give p1 3: 0.7). Slots u1 p1 p2, u2 p1: tail 1/3 (not 1/4). u1 [kitchen kitchen]
   * ILD 0, u2 one item left out.
   */
  @Test
  void anItemListedTwiceInAListIsShownOnce() {
    Map<String, Double> twice =
        ExposureMetrics.figures(
            recommendations(
                recommendation("u1", 1, "p1", "p1", "p2"), recommendation("u2", 1, "p1")),
            catalog(),
            frame(PURCHASES, RowFactory.create("p1", 6L), RowFactory.create("p2", 2L)));
    assertEquals(2.0 / 3, twice.get("responsible.published.gini"), EPS, "gini");
    assertEquals(1.0 / 3, twice.get("responsible.published.long_tail_share"), EPS, "tail");
    assertEquals(0.4, twice.get("responsible.published.coverage"), EPS, "coverage");
    assertEquals(2.0, twice.get("responsible.published.lists"), EPS, "lists");
    assertEquals(0.0, twice.get("responsible.published.intra_list_diversity"), EPS, "ILD");
  }

  /** u1 seg 1 [p1], u2 seg 2 [p9], p9 not in the catalog: segment 2 has figures, coverage 0. */
  @Test
  void aSegmentShowingNothingFromTheCatalogCoversNothing() {
    Map<String, Double> off =
        ExposureMetrics.figures(
            recommendations(recommendation("u1", 1, "p1"), recommendation("u2", 2, "p9")),
            catalog(),
            frame(PURCHASES, RowFactory.create("p1", 6L)));
    assertEquals(0.0, off.get("responsible.published.segments.2.coverage"), "segment 2");
    assertEquals(1.0, off.get("responsible.published.segments.2.lists"), "segment 2 lists");
    assertEquals(0.2, off.get("responsible.published.segments.1.coverage"), EPS, "segment 1");
    assertEquals(0.2, off.get("responsible.published.coverage"), EPS, "all");
  }

  @Test
  void emptyRecommendationsGiveZeros() {
    Map<String, Double> empty =
        ExposureMetrics.figures(
            recommendations(),
            frame(CATALOG, RowFactory.create("p1", "kitchen")),
            frame(PURCHASES));
    for (String m : ExposureMetrics.MEASURES) {
      assertEquals(0.0, empty.get("responsible.published." + m), EPS, "empty: " + m);
    }
  }

  private static void assertFigure(double expected, String name) {
    Double actual = figures.get("responsible.published." + name);
    assertNotNull(
        actual, "figure responsible.published." + name + " missing from " + figures.keySet());
    assertEquals(expected, actual, EPS, "responsible.published." + name);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
