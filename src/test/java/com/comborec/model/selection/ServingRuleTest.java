package com.comborec.model.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingRuleTest {
  static final LocalDate C1 = LocalDate.parse("2011-07-17");
  static final LocalDate C2 = LocalDate.parse("2011-07-03");
  static final LocalDate C3 = LocalDate.parse("2011-06-19");
  static final List<LocalDate> CUTOFFS = List.of(C1, C2, C3);
  static final List<String> POPULAR = List.of("pop7", "pop30");
  static final List<String> SIMPLE = List.of("ease", "blend");

  static Map<LocalDate, Double> at(double c1, double c2, double c3) {
    return Map.of(C1, c1, C2, c2, C3, c3);
  }

  static Map<String, Map<LocalDate, Double>> figures(Object... nameThenValues) {
    Map<String, Map<LocalDate, Double>> out = new LinkedHashMap<>();
    for (int i = 0; i < nameThenValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      Map<LocalDate, Double> v = (Map<LocalDate, Double>) nameThenValues[i + 1];
      out.put((String) nameThenValues[i], v);
    }
    return out;
  }

  /**
   * blend has the best mean (0.14) but falls below pop30 at C2 (0.09 < 0.10): refused. ease (mean
   * 0.12, above the floor everywhere) serves.
   */
  @Test
  void refusesAnOptionThatLosesToPopularityAtOneCutoff() {
    ServingRule.Choice c =
        ServingRule.choose(
            figures(
                "pop7", at(0.08, 0.08, 0.08),
                "pop30", at(0.07, 0.10, 0.07),
                "ease", at(0.12, 0.12, 0.12),
                "blend", at(0.20, 0.09, 0.13)),
            POPULAR,
            SIMPLE,
            "ranker",
            CUTOFFS);
    assertEquals("ease", c.option(), c.reason());
  }

  /** Nothing holds at every cutoff: the first popularity option serves. */
  @Test
  void fallsBackToPopularityWhenNothingHoldsEverywhere() {
    ServingRule.Choice c =
        ServingRule.choose(
            figures(
                "pop7", at(0.10, 0.10, 0.10),
                "pop30", at(0.05, 0.05, 0.05),
                "ease", at(0.20, 0.09, 0.20)),
            POPULAR,
            SIMPLE,
            "ranker",
            CUTOFFS);
    assertEquals("pop7", c.option(), c.reason());
  }

  /**
   * The ranker competes like any option: best mean (0.24) and above the floor everywhere, it
   * serves; once below pop7 at C2 (0.07 < 0.08), it is refused whatever its mean, and ease serves.
   */
  @Test
  void theRankerServesOnItsMeanOnlyIfItHoldsEverywhere() {
    Map<String, Map<LocalDate, Double>> f =
        figures(
            "pop7", at(0.08, 0.08, 0.08),
            "pop30", at(0.07, 0.07, 0.07),
            "ease", at(0.12, 0.12, 0.12),
            "ranker", at(0.30, 0.12, 0.30));
    assertEquals("ranker", ServingRule.choose(f, POPULAR, SIMPLE, "ranker", CUTOFFS).option());
    f.put("ranker", at(0.50, 0.07, 0.50));
    ServingRule.Choice c = ServingRule.choose(f, POPULAR, SIMPLE, "ranker", CUTOFFS);
    assertEquals("ease", c.option());
    assertTrue(c.reason().contains("ranker falls below popularity"), c.reason());
  }

  /** A ranker measured at two of the three cutoffs is not eligible. */
  @Test
  void aRankerMissingACutoffIsNotEligible() {
    Map<String, Map<LocalDate, Double>> f =
        figures(
            "pop7", at(0.08, 0.08, 0.08),
            "ease", at(0.12, 0.12, 0.12),
            "ranker", Map.of(C1, 0.5, C2, 0.5));
    assertEquals("ease", ServingRule.choose(f, POPULAR, SIMPLE, "ranker", CUTOFFS).option());
  }

  /** Equal means: the simpler (earlier) option keeps the place. */
  @Test
  void tiesGoToTheSimplerOption() {
    Map<String, Map<LocalDate, Double>> f =
        figures(
            "pop7",
            at(0.08, 0.08, 0.08),
            "ease",
            at(0.12, 0.12, 0.12),
            "blend",
            at(0.14, 0.10, 0.12));
    assertEquals("ease", ServingRule.choose(f, POPULAR, SIMPLE, "ranker", CUTOFFS).option());
  }
}
