package com.comborec.model;

import static com.comborec.features.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestConfig;
import com.comborec.TestSpark;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.features.InteractionSettings;
import com.comborec.features.TestEvents;
import com.comborec.ingest.IngestSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineEvaluationTest {
  @TempDir Path dir;

  @Test
  void aHistoryShorterThanTheHoldoutEvaluatesNothingAndFitsNothing() {
    ComboConfig config =
        TestConfig.defaults().with("input=" + dir.resolve("in"), "output=" + dir.resolve("out"));
    RunContext ctx =
        new RunContext(TestSpark.session(), config, LocalDate.parse("2026-03-31"), "test");
    // Every event is inside the 28-day holdout: no training period, so no evaluated user.
    Dataset<Row> events =
        TestEvents.of(
            TestSpark.session(),
            List.of(
                event("2026-03-25T10:00:00Z", "u1", "A", "purchase", 1),
                event("2026-03-30T10:00:00Z", "u1", "B", "purchase", 1)));
    HoldoutSplit split = HoldoutSplit.split(events, ctx.runDate(), 28);
    Map<String, Metrics> m =
        OfflineEvaluation.run(
                ctx,
                split,
                new OfflineEvaluation.Inputs(
                    config.get(IngestSettings.SECTION).eventTypeWeights(),
                    config.get(InteractionSettings.SECTION),
                    config.get(ModelSettings.SECTION),
                    null,
                    10))
            .metrics();
    assertEquals(
        List.of("als", "cooccurrence", "blend", "global_popular"),
        List.copyOf(m.keySet()),
        "candidates, then baselines; no segments, no segment_popular");
    m.forEach((name, x) -> assertEquals(Metrics.none(), x, name));
    assertEquals("als", ServingChoice.choose("auto", m), "unevaluated default");
  }
}
