package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.TestSpark;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.features.InteractionSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunerTest {
  @TempDir static Path dir;

  @Test
  void searchesTheGridBestFirst() {
    ComboConfig config =
        TestConfig.defaults()
            .with(
                "input=" + dir.resolve("in"),
                "output=" + dir.resolve("out"),
                "lookback-days=60",
                "model.eval.holdout-days=10",
                "model.eval.k=5",
                "model.als.max-iter=5",
                "model.als.blocks=1");
    RunContext ctx = new RunContext(TestSpark.session(), config, SyntheticShop.RUN_DAY, "test");
    SyntheticShop.writeValidated(ctx);
    ctx.enterStage("tune");
    TuneGrid grid = new TuneGrid(List.of(4), List.of(0.05), List.of(10.0), List.of(15.0, 60.0));
    List<TuneResult> results = Tuner.search(ctx, grid);
    assertEquals(2, results.size(), "one row per grid point");
    assertTrue(results.get(0).ndcg() >= results.get(1).ndcg(), "best first: " + results);
    assertTrue(
        results.get(0).ndcg() > 0, "the synthetic shop's taste groups are learnable: " + results);
  }

  @Test
  void rendersATableAndAConfSnippetThatParses() {
    List<TuneResult> results =
        List.of(
            new TuneResult(32, 0.05, 10, 60, 0.12345, 0.05, 0.2, 0.08, 12.3),
            new TuneResult(16, 0.1, 5, 30, 0.1, 0.04, 0.15, 0.06, 8.0));
    String table = Tuner.renderTable(results);
    String[] lines = table.split("\n");
    assertEquals(3, lines.length, table);
    assertTrue(lines[1].trim().startsWith("32    0.0500   10.00      60.0   0.12345"), lines[1]);
    String conf = Tuner.renderConf(results.get(0));
    assertTrue(
        conf.contains("half-life-days = 60")
            && conf.contains("rank = 32, reg-param = 0.05, alpha = 10"),
        conf);
    // the snippet's values are valid overrides
    ComboConfig parsed =
        TestConfig.defaults().with("interactions.half-life-days=60", "model.als.reg-param=0.05");
    assertEquals(60, parsed.get(InteractionSettings.SECTION).halfLifeDays(), 0, "half-life");
  }

  /**
   * The trade-off grid on the synthetic shop: 12 rows in grid order; the first row (lambda 1, no
   * cap) is the relevance order, so every other row's intra-list diversity can only come from the
   * re-ranker; a cap of 2 per category can never lower it below the uncapped row's, and every
   * figure is a finite share (NDCG, ILD, coverage, Gini and long tail in [0, 1]).
   */
  @Test
  void tradeOffGridReRanksTheHoldoutPools() {
    ComboConfig config =
        TestConfig.defaults()
            .with(
                "input=" + dir.resolve("in2"),
                "output=" + dir.resolve("out2"),
                "lookback-days=60",
                "model.eval.holdout-days=10",
                "model.eval.k=5",
                "model.als.max-iter=5",
                "model.als.blocks=1",
                "model.als.rank=4");
    RunContext ctx = new RunContext(TestSpark.session(), config, SyntheticShop.RUN_DAY, "test");
    SyntheticShop.writeValidated(ctx);
    ctx.enterStage("tune");
    HoldoutSplit split = Tuner.holdout(ctx);
    List<com.comborec.responsible.TradeOff.Point> points =
        DiversityTradeOff.evaluate(ctx, split, null);
    split.release();
    assertEquals(12, points.size(), "4 weights x 3 caps");
    assertEquals(1.0, points.get(0).lambda(), 0.0);
    assertEquals(0, points.get(0).maxPerCategory());
    for (com.comborec.responsible.TradeOff.Point p : points) {
      for (String f :
          List.of("ndcg", "intra_list_diversity", "coverage", "gini", "long_tail_share")) {
        double v = p.figure(f);
        assertTrue(v >= 0 && v <= 1, f + " of " + p + " is a share");
      }
    }
    double uncapped = points.get(0).figure("intra_list_diversity");
    double capTwo = points.get(8).figure("intra_list_diversity"); // (1.0, cap 2)
    assertEquals(2, points.get(8).maxPerCategory());
    assertTrue(capTwo >= uncapped - 1e-12, "cap 2 ILD " + capTwo + " >= uncapped " + uncapped);
    assertTrue(points.get(0).figure("ndcg") > 0, "the relevance order finds the taste groups");
  }
}
