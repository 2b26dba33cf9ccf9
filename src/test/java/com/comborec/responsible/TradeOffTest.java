package com.comborec.responsible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trade-off grid, its evaluation order and the rendered table with the Pareto front. */
class TradeOffTest {

  @Test
  void gridCrossesLambdasAndCapsRelevanceOnlyFirstAndKeepsTheDebiasPower() {
    List<ResponsibleSettings> grid = TradeOff.grid(new ResponsibleSettings(5, 0.3, 0.5));
    assertEquals(12, grid.size(), "4 lambdas x 3 caps");
    assertEquals(new ResponsibleSettings(0, 1.0, 0.5), grid.get(0), "baseline first");
    assertEquals(new ResponsibleSettings(2, 0.4, 0.5), grid.get(11), "last: cap 2, lambda 0.4");
  }

  @Test
  void figuresTakeTheOverallExposureKeys() {
    Map<String, Double> f =
        TradeOff.figures(
            0.12,
            Map.of(
                "responsible.published.intra_list_diversity",
                0.5,
                "responsible.published.segments.1.intra_list_diversity",
                0.9,
                "responsible.published.gini",
                0.8));
    assertEquals(0.12, f.get("ndcg"), 0.0, "ndcg");
    assertEquals(0.5, f.get("intra_list_diversity"), 0.0, "overall ILD, not segment 1's");
    assertEquals(0.8, f.get("gini"), 0.0, "gini");
    assertTrue(f.get("coverage").isNaN(), "absent figure is NaN");
  }

  /**
   * A made-up evaluator: NDCG = 0.2 * lambda (cap costs nothing), ILD = 1 - lambda/2 + 0.1 if
   * capped. Row 1 (1.0, off): NDCG 0.2, ILD 0.5. Row (1.0, cap 3): NDCG 0.2, ILD 0.6 beats it on
   * ILD, so the uncapped rows are all off the front; every capped row is on it (cap 3 and cap 2
   * tie). The lambda 0.6 row's NDCG 0.12 is -40% against 0.2.
   */
  @Test
  void tableShowsDeltasAgainstTheBaselineAndMarksTheFront() {
    List<TradeOff.Point> points =
        TradeOff.evaluate(
            ResponsibleSettings.off(),
            s ->
                Map.of(
                    "ndcg",
                    0.2 * s.mmrLambda(),
                    "intra_list_diversity",
                    1 - s.mmrLambda() / 2 + (s.capOn() ? 0.1 : 0.0),
                    "coverage",
                    0.1,
                    "gini",
                    0.9,
                    "long_tail_share",
                    0.3,
                    "novelty",
                    5.0));
    assertFalse(TradeOff.onFront(points.get(0), points), "(1.0, off) is beaten by (1.0, cap 3)");
    assertTrue(TradeOff.onFront(points.get(4), points), "(1.0, cap 3) is on the front");
    String table = TradeOff.render(points);
    String[] lines = table.split("\n");
    assertEquals(13, lines.length, "header + 12 rows:\n" + table);
    assertTrue(lines[0].contains("NDCG@K") && lines[0].contains("ILD"), "header: " + lines[0]);
    assertTrue(lines[3].contains("-40.00"), "lambda 0.6 row: " + lines[3]);
    assertTrue(lines[1].startsWith("  1.00  off"), "first row: " + lines[1]);
    assertFalse(lines[1].endsWith("*"), "baseline not on the front: " + lines[1]);
    assertTrue(lines[5].endsWith("*"), "cap 3, lambda 1.0 on the front: " + lines[5]);
  }
}
