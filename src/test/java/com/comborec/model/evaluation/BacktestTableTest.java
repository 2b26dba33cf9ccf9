package com.comborec.model.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backtest's table on two hand-made cutoffs: best baseline, served / best, mean and worst. */
class BacktestTableTest {

  /**
   * Every baseline at 0.05 except where set. Cutoff 1: EASE 0.20 is the best baseline, the ranker
   * serves at 0.30, ratio 1.500x. Cutoff 2: pop7 0.10 is the best baseline, the ranker serves at
   * 0.08, ratio 0.800x. Means: best 0.15, served 0.19, ratio of the means 1.267x; worst 0.800x.
   */
  @Test
  void servedIsComparedWithTheBestBaselineAtEachCutoffAndOnAverage() {
    Backtest.Row first = row("2011-03-15", Map.of("ease", 0.20, "ranker", 0.30), "ranker");
    Backtest.Row second = row("2011-04-12", Map.of("pop7", 0.10, "ranker", 0.08), "ranker");
    assertEquals("ease", first.bestBaseline());
    assertEquals("pop7", second.bestBaseline());

    String md = BacktestTable.markdown(List.of(first, second), 10);
    List<String> lines = md.lines().toList();
    assertTrue(lines.get(2).endsWith("| ease 0.2000 | ranker | 0.3000 | 1.500x |"), lines.get(2));
    assertTrue(lines.get(3).endsWith("| pop7 0.1000 | ranker | 0.0800 | 0.800x |"), lines.get(3));
    assertTrue(lines.get(4).endsWith("| 0.1500 | | 0.1900 | 1.267x |"), lines.get(4));
    assertTrue(lines.get(5).startsWith("| worst |"), lines.get(5));
    assertTrue(lines.get(5).endsWith("| 0.800x |"), lines.get(5));
  }

  @Test
  void csvHasOneLinePerListAndCutoffWithTheServedOneMarked() {
    Backtest.Row r = row("2011-03-15", Map.of("ease", 0.20, "ranker", 0.30), "ranker");
    List<String> lines = BacktestTable.csv(List.of(r), 10).lines().toList();
    assertEquals(
        "cutoff,list,ndcg_at_10,precision_at_10,recall_at_10,map_at_10,coverage,users,served",
        lines.get(0));
    assertEquals(1 + Backtest.BASELINES.size() + 1, lines.size(), "8 baselines and the ranker");
    assertTrue(
        lines.contains("2011-03-15,ranker,0.300000,0.000000,0.000000,0.000000,0.000000,7,1"));
    assertTrue(lines.contains("2011-03-15,ease,0.200000,0.000000,0.000000,0.000000,0.000000,7,0"));
  }

  /** A cutoff's row: every baseline at NDCG 0.05, then {@code ndcg} on top; 7 users. */
  private static Backtest.Row row(String cutoff, Map<String, Double> ndcg, String served) {
    Map<String, Metrics> lists = new LinkedHashMap<>();
    Backtest.BASELINES.forEach(b -> lists.put(b, metrics(0.05)));
    ndcg.forEach((list, v) -> lists.put(list, metrics(v)));
    return new Backtest.Row(LocalDate.parse(cutoff), lists, served, "test", 7);
  }

  private static Metrics metrics(double ndcg) {
    return new Metrics(ndcg, 0, 0, 0, 0, 7);
  }
}
