package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.model.evaluation.MeasuredCutoffs.Measured;
import com.comborec.model.evaluation.Metrics;
import com.comborec.model.evaluation.Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cutoff's stored figures stand while the build, the settings and the validated files the cutoff
 * reads are unchanged, and only then. The shop's settings: 7 forward days, one ranker training
 * cutoff, 60 days of look-back, so the cutoff 03-24 reads events of 01-17 .. 03-31 and snapshots on
 * or before 03-24.
 */
class StoredCutoffsTest {
  static final LocalDate CUTOFF = LocalDate.parse("2026-03-24");
  static final Measured MEASURED =
      new Measured(
          true,
          Map.of(
              "ease", new Metrics(0.1234567890123, 0.1, 0.2, 0.05, 0.5, 40),
              "pop7", new Metrics(0.0987654321, 0.05, 0.1, 0.025, 0.0625, 40)));

  @TempDir static Path dir;
  static RunContext ctx;

  @BeforeAll
  static void storeOneMeasurement() {
    ctx = context("model.ease.lambda=300");
    new StoredCutoffs(ctx, protocol(ctx)).keep(CUTOFF, MEASURED);
  }

  static RunContext context(String... overrides) {
    String[] all = new String[overrides.length + 1];
    all[0] = "model.ranker.training-cutoffs=1";
    System.arraycopy(overrides, 0, all, 1, overrides.length);
    ComboConfig config = SyntheticShop.config(dir, "out", all);
    return new RunContext(TestSpark.session(), config, SyntheticShop.RUN_DAY, "test");
  }

  static Protocol protocol(RunContext c) {
    return ModelStage.protocol(c, c.config().get(ModelSettings.SECTION));
  }

  static Optional<Measured> find(RunContext c) {
    return new StoredCutoffs(c, protocol(c)).find(CUTOFF);
  }

  /** A data file (its bytes do not matter: the key reads names and sizes) in a validated folder. */
  static Path dataFile(String source, String day, String name) throws IOException {
    Path folder = Path.of(java.net.URI.create(ctx.layout().validatedRoot(source))).resolve(day);
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve(name), "rows");
  }

  @Test
  void aLaterRunFindsTheSameFiguresToTheLastDigit() {
    assertEquals(Optional.of(MEASURED), find(context("model.ease.lambda=300")));
  }

  @Test
  void filesOutsideWhatTheCutoffReadsLeaveItStanding() throws IOException {
    Path events = dataFile("events", "dt=2026-04-01", "part-after-the-forward-window.parquet");
    Path users = dataFile("users", "dt=2026-03-25", "part-a-snapshot-after-the-cutoff.parquet");
    Path marker = dataFile("events", "dt=2026-03-20", "_SUCCESS");
    try {
      assertEquals(Optional.of(MEASURED), find(ctx));
    } finally {
      Files.delete(events);
      Files.delete(users);
      Files.delete(marker);
    }
  }

  @Test
  void aNewFileInTheForwardWindowOrASnapshotBeforeTheCutoffMeasuresItAgain() throws IOException {
    for (String[] file :
        new String[][] {
          {"events", "dt=2026-03-31", "part-late-rows.parquet"},
          {"events", "dt=2026-01-17", "part-oldest-day-read.parquet"},
          {"products", "dt=2026-03-24", "part-catalog.parquet"}
        }) {
      Path added = dataFile(file[0], file[1], file[2]);
      try {
        assertEquals(Optional.empty(), find(ctx), String.join("/", file));
      } finally {
        Files.delete(added);
      }
    }
    assertEquals(Optional.of(MEASURED), find(ctx), "standing again once they are gone");
  }

  @Test
  void anotherSettingMeasuresItAgain() {
    assertEquals(Optional.empty(), find(context("model.ease.lambda=301")));
    assertEquals(Optional.empty(), find(context("model.eval.max-users=4999")));
  }

  @Test
  void aDamagedFileCostsAMeasurementNotTheRun() throws IOException {
    RunContext other = context("model.ease.lambda=302");
    StoredCutoffs store = new StoredCutoffs(other, protocol(other));
    store.keep(CUTOFF, MEASURED);
    Path file =
        Path.of(
            java.net.URI.create(
                other.layout().workRoot(StoredCutoffs.FOLDER)
                    + "/cutoff="
                    + CUTOFF
                    + "/"
                    + store.key(CUTOFF)
                    + ".json"));
    Files.writeString(file, "{\"metrics\": {\"ease\": ");
    assertEquals(Optional.empty(), store.find(CUTOFF));
  }

  record Settings(String name, Map<String, Double> weights) {}

  @Test
  void theSettingsTextDoesNotDependOnAMapsOrder() {
    Map<String, Double> ab = new LinkedHashMap<>();
    ab.put("click", 0.1);
    ab.put("purchase", 1.0);
    Map<String, Double> ba = new LinkedHashMap<>();
    ba.put("purchase", 1.0);
    ba.put("click", 0.1);
    assertNotEquals(new Settings("s", ab).toString(), new Settings("s", ba).toString());
    assertEquals(
        StoredCutoffs.canonical(new Settings("s", ab)),
        StoredCutoffs.canonical(new Settings("s", ba)));
    assertTrue(
        StoredCutoffs.canonical(new Settings("s", ab)).contains("click=0.1"),
        StoredCutoffs.canonical(new Settings("s", ab)));
  }
}
