package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.model.evaluation.EarlierWork;
import com.comborec.model.evaluation.Metrics;
import com.comborec.model.evaluation.Protocol;
import com.comborec.model.evaluation.RollingEvaluation;
import com.comborec.model.ranker.Ranker;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the model stage relies on before it builds the serving lists: forgetting the measured
 * cutoffs frees everything they cached, keeps the serving day's ranker, and a cutoff asked for
 * again is rebuilt to the same figures.
 */
class RollingEvaluationReleaseTest {
  @TempDir static Path dir;

  @Test
  void forgettingTheCutoffsFreesTheirCachesAndKeepsTheServingRanker() {
    ComboConfig config =
        SyntheticShop.config(
            dir,
            "out",
            "model.ranker.training-cutoffs=1",
            "model.ranker.max-iter=2",
            "model.ranker.max-depth=2");
    RunContext ctx = new RunContext(TestSpark.session(), config, SyntheticShop.RUN_DAY, "test");
    SyntheticShop.writeValidated(ctx);
    Protocol protocol = ModelStage.protocol(ctx, config.get(ModelSettings.SECTION));
    int before = persisted();
    try (RollingEvaluation evaluation = SyntheticShop.evaluation(ctx, protocol, EarlierWork.NONE)) {
      // The serving day's ranker trains on the cutoff 03-24, where EASE is measured too.
      LocalDate cutoff = SyntheticShop.RUN_DAY.minusDays(7);
      Optional<Ranker.Fitted> ranker = evaluation.rankerFor(SyntheticShop.RUN_DAY);
      Map<String, Metrics> first = evaluation.metrics(cutoff, List.of("ease", "pop7"));
      assertTrue(ranker.isPresent(), "the serving day's ranker is trained");
      assertTrue(persisted() > before, "measuring cached the cutoffs' frames");

      evaluation.forgetBefore(SyntheticShop.RUN_DAY);

      assertEquals(before, persisted(), "every cutoff's cached frame is released");
      assertSame(ranker.get(), evaluation.rankerFor(SyntheticShop.RUN_DAY).get(), "ranker kept");
      assertEquals(
          first,
          evaluation.metrics(cutoff, List.of("ease", "pop7")),
          "a cutoff asked for again is rebuilt to the same figures");
      assertTrue(first.get("ease").users() > 0, "the cutoff has evaluated users");
    }
    assertEquals(before, persisted(), "closing releases the rebuilt ones too");
  }

  private static int persisted() {
    return JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext())
        .getPersistentRDDs()
        .size();
  }
}
