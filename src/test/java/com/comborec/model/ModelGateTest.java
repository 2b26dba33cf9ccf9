package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.core.Fs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelGateTest {
  private static final ModelSettings.Gate ON = new ModelSettings.Gate(true, false, 0.8);
  private static final Optional<ModelGate.Previous> PREVIOUS =
      Optional.of(new ModelGate.Previous(LocalDate.parse("2026-03-09"), 0.10));

  @Test
  void refusesBelowTheRatioOfThePreviousRun() {
    // floor = 0.8 * 0.10 = 0.08; 0.07 < 0.08 -> refused, with both figures in the message
    String why = ModelGate.refusal("als", 0.07, PREVIOUS, ON, 10);
    assertTrue(
        why.contains("NDCG@10 = 0.0700")
            && why.contains("0.1000")
            && why.contains("0.0800")
            && why.contains("2026-03-09")
            && why.contains("model.gate.override=true"),
        why);
    ComborecException e =
        assertThrows(
            ComborecException.class, () -> ModelGate.enforce("als", 0.07, PREVIOUS, ON, 10));
    assertEquals(ExitCode.MODEL_QUALITY, e.exitCode());
    assertEquals(5, e.exitCode().code());
  }

  @Test
  void passesAtOrAboveTheFloorWithoutPreviousOrWhenDisabled() {
    assertNull(ModelGate.refusal("als", 0.08, PREVIOUS, ON, 10), "exactly at 0.8 x 0.10 passes");
    assertNull(ModelGate.refusal("als", 0.01, Optional.empty(), ON, 10), "first run passes");
    assertNull(
        ModelGate.refusal("als", 0.01, PREVIOUS, new ModelSettings.Gate(false, false, 0.8), 10),
        "disabled");
    assertNull(
        ModelGate.refusal("als", 0.01, PREVIOUS, new ModelSettings.Gate(true, true, 0.8), 10),
        "overridden");
  }

  @Test
  void readsTheNewestPublishedManifestBeforeTheRunDay(@TempDir Path dir) throws IOException {
    write(dir, "dt=2026-03-07.json", "published", 0.30);
    write(dir, "dt=2026-03-08.json", "published", 0.20);
    write(dir, "dt=2026-03-09.json", "refused_model_quality", 0.50); // not published: skipped
    // a partial `run ingest`: published, but without a model figure
    Files.writeString(
        dir.resolve("dt=2026-03-12.json"),
        "{\"schema_version\": \"1.1\", \"status\": \"published\", \"partial\": true}");
    write(dir, "dt=2026-03-10.json", "published", 0.90); // the run day itself: not "previous"
    write(dir, "dt=2026-03-11.json", "published", 0.90);
    Files.writeString(dir.resolve("dt=2026-03-09.html"), "<html></html>");
    Files.writeString(dir.resolve("dt=2026-03-06.json"), "{not json");
    Fs fs = new Fs(new Configuration());
    Optional<ModelGate.Previous> p =
        ModelGate.previousPublished(fs, dir.toString(), LocalDate.parse("2026-03-10"));
    assertEquals(Optional.of(new ModelGate.Previous(LocalDate.parse("2026-03-08"), 0.20)), p);
    assertEquals(
        Optional.of(new ModelGate.Previous(LocalDate.parse("2026-03-11"), 0.90)),
        ModelGate.previousPublished(fs, dir.toString(), LocalDate.parse("2026-03-13")),
        "a published manifest without the figure is passed over, not taken as no previous run");
    assertEquals(
        Optional.empty(),
        ModelGate.previousPublished(fs, dir.toString(), LocalDate.parse("2026-03-07")),
        "only a broken manifest before 03-07: no previous");
    assertEquals(
        Optional.empty(),
        ModelGate.previousPublished(
            fs, dir.resolve("none").toString(), LocalDate.parse("2026-03-10")),
        "no manifests folder yet");
  }

  private static void write(Path dir, String name, String status, double ndcg) throws IOException {
    Files.writeString(
        dir.resolve(name),
        "{\"schema_version\": \"1.0\", \"status\": \""
            + status
            + "\", \"model\": {\"serving\": \"als\", \"serving_ndcg_at_k\": "
            + ndcg
            + "}}");
  }
}
