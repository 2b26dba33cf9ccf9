package com.comborec.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merging the per-stage manifests of one day into the complete one, as finalize writes it. */
class ManifestMergeTest {
  static final List<String> PIPELINE = List.of("ingest", "features", "combos");

  static Map<String, Object> stageRun(
      String stage,
      String started,
      Map<String, Object> figures,
      Map<String, Object> outputs,
      String inputValue) {
    Map<String, Object> m =
        new java.util.LinkedHashMap<>(
            Map.of(
                "run_date",
                "2011-07-31",
                "run_id",
                stage + "-id",
                "status",
                "published",
                "partial",
                true,
                "started_at",
                started,
                "stages",
                List.of(
                    Map.of("name", stage, "seconds", 2.0),
                    Map.of("name", "publish", "seconds", 0.5)),
                "outputs",
                outputs,
                "config",
                Map.of("comborec.input", inputValue)));
    m.putAll(figures);
    return m;
  }

  @Test
  void mergesFiguresStagesAndOutputsInPipelineOrder() {
    // given out of order: combos first, then ingest
    Map<String, Object> combos =
        stageRun(
            "combos",
            "2011-08-01T02:05:00Z",
            Map.of("combos", Map.of("fbt", Map.of("pairs_kept", 7))),
            Map.of("similar_items", Map.of("rows", 3)),
            "in");
    Map<String, Object> ingest =
        stageRun(
            "ingest",
            "2011-08-01T02:00:00Z",
            Map.of("inputs", Map.of("events", Map.of("read", 10))),
            Map.of(),
            "in");
    Map<String, Object> m =
        ManifestMerge.merge(
            List.of(combos, ingest), PIPELINE, "fin", "1.0", Instant.parse("2011-08-01T02:09:00Z"));
    assertEquals("published", m.get("status"));
    assertEquals(false, m.get("partial"));
    assertEquals("2011-08-01T02:00:00Z", m.get("started_at"), "earliest stage start");
    assertEquals(
        List.of(Map.of("name", "ingest", "seconds", 2.0), Map.of("name", "combos", "seconds", 2.0)),
        m.get("stages"),
        "stage entries in pipeline order, publish entries dropped");
    assertEquals(10, Manifests.get(m, "inputs.events.read"));
    assertEquals(7, Manifests.get(m, "combos.fbt.pairs_kept"));
    assertEquals(Map.of("similar_items", Map.of("rows", 3)), m.get("outputs"));
    assertEquals(List.of(), Manifests.get(m, "finalize.config_keys_differing"));
  }

  @Test
  void keepsTheWarningsOfEveryStageRun() {
    Map<String, Object> ingest =
        stageRun(
            "ingest",
            "t1",
            Map.of("warnings", List.of("events: column 'qty' looks like 'quantity'")),
            Map.of(),
            "in");
    Map<String, Object> combos =
        stageRun("combos", "t2", Map.of("warnings", List.of()), Map.of(), "in");
    Map<String, Object> m =
        ManifestMerge.merge(List.of(ingest, combos), PIPELINE, "fin", "1.1", Instant.EPOCH);
    assertEquals(
        List.of("events: column 'qty' looks like 'quantity'"),
        m.get("warnings"),
        "a later stage's empty list does not erase ingest's warning");
  }

  @Test
  void reportsConfigKeysThatDifferedBetweenStageRuns() {
    Map<String, Object> a = stageRun("ingest", "t1", Map.of(), Map.of(), "in-a");
    Map<String, Object> b = stageRun("combos", "t2", Map.of(), Map.of(), "in-b");
    Map<String, Object> m =
        ManifestMerge.merge(List.of(a, b), PIPELINE, "fin", "1.0", Instant.EPOCH);
    assertEquals(List.of("comborec.input"), Manifests.get(m, "finalize.config_keys_differing"));
  }

  @Test
  void missingStagesAreThoseNoKeptRunCovers() {
    Map<String, Object> ingest = stageRun("ingest", "t", Map.of(), Map.of(), "in");
    assertEquals(
        List.of("features", "combos"), ManifestMerge.missingStages(List.of(ingest), PIPELINE));
    assertEquals(
        List.of(),
        ManifestMerge.missingStages(
            List.of(
                ingest,
                stageRun("features", "t", Map.of(), Map.of(), "in"),
                stageRun("combos", "t", Map.of(), Map.of(), "in")),
            PIPELINE));
  }

  @Test
  void historyTakesOnlyManifestFileNames() {
    assertEquals(LocalDate.of(2011, 7, 31), ManifestHistory.dayOf("dt=2011-07-31.json"));
    assertNull(ManifestHistory.dayOf("dt=2011-07-31.html"));
    assertNull(ManifestHistory.dayOf(".dt=2011-07-31.json.tmp-1"));
    assertNull(ManifestHistory.dayOf("dt=2011-13-01.json"));
  }
}
