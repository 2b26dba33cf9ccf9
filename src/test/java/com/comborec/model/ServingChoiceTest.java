package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingChoiceTest {

  private static Map<String, Metrics> ndcg(double als, double cooc, double blend, double popular) {
    Map<String, Metrics> m = new LinkedHashMap<>();
    m.put("als", new Metrics(als, 0, 0, 0, 0, 100));
    m.put("cooccurrence", new Metrics(cooc, 0, 0, 0, 0, 100));
    m.put("blend", new Metrics(blend, 0, 0, 0, 0, 100));
    m.put("global_popular", new Metrics(popular, 0, 0, 0, 0, 100));
    return m;
  }

  @Test
  void autoTakesTheBestNdcg() {
    assertEquals("blend", ServingChoice.choose("auto", ndcg(0.10, 0.12, 0.15, 0.05)));
    assertNull(
        ServingChoice.note(ndcg(0.10, 0.12, 0.15, 0.05), 10), "a learned candidate wins: no note");
  }

  @Test
  void aPinnedCandidateServesWhateverTheFigures() {
    assertEquals("als", ServingChoice.choose("als", ndcg(0.01, 0.12, 0.15, 0.05)));
    assertEquals("popular", ServingChoice.choose("popular", ndcg(0.10, 0.12, 0.15, 0.05)));
  }

  @Test
  void aTieGoesToTheSimplerCandidate() {
    // als 0.10 = blend 0.10: als is simpler, so blend must be strictly better to serve.
    assertEquals("als", ServingChoice.choose("auto", ndcg(0.10, 0.05, 0.10, 0.02)));
    // all equal: popular is the simplest of all
    assertEquals("popular", ServingChoice.choose("auto", ndcg(0.1, 0.1, 0.1, 0.1)));
  }

  @Test
  void popularityWinningIsSaidPlainly() {
    Map<String, Metrics> m = ndcg(0.10, 0.08, 0.11, 0.20);
    assertEquals("popular", ServingChoice.choose("auto", m));
    String note = ServingChoice.note(m, 10);
    assertTrue(note.startsWith("no learned candidate beats global popularity"), note);
    assertTrue(note.contains("0.1100 (blend)") && note.contains("0.2000"), note);
    assertEquals(
        0.20,
        ServingChoice.metrics("popular", m).ndcg(),
        0,
        "popular is measured by global_popular");
  }

  @Test
  void segmentPopularityWinningIsSaidToo() {
    Map<String, Metrics> m = ndcg(0.10, 0.08, 0.11, 0.05);
    m.put("segment_popular", new Metrics(0.12, 0, 0, 0, 0, 100));
    assertEquals(
        "blend", ServingChoice.choose("auto", m), "segment popularity is no serving option");
    String note = ServingChoice.note(m, 10);
    assertTrue(
        note.startsWith("no learned candidate beats segment popularity") && note.contains("0.1200"),
        note);
  }

  @Test
  void nothingEvaluatedFallsBackToAls() {
    Map<String, Metrics> none = new LinkedHashMap<>();
    for (String name : new String[] {"als", "cooccurrence", "blend", "global_popular"}) {
      none.put(name, Metrics.none());
    }
    assertEquals("als", ServingChoice.choose("auto", none));
    assertTrue(ServingChoice.note(none, 10).contains("not compared"), ServingChoice.note(none, 10));
  }
}
