package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.model.evaluation.EarlierWork.Measured;
import com.comborec.model.evaluation.Metrics;
import com.comborec.model.evaluation.Protocol;
import com.comborec.model.ranker.Ranker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cutoff's stored figures stand while the build, the settings and the validated files the cutoff
 * reads are unchanged, and only then. The shop's settings: 7 forward days, one ranker training
 * cutoff, 60 days of look-back, so the cutoff 03-24 reads events of 01-17 .. 03-31 and snapshots on
 * or before 03-24.
 */
class StoredWorkTest {
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
    new StoredWork(ctx, protocol(ctx)).keep(CUTOFF, MEASURED);
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
    return new StoredWork(c, protocol(c)).find(CUTOFF);
  }

  /** A data file (its bytes do not matter: the key reads names and sizes) in a validated folder. */
  static Path dataFile(String source, String day, String name) throws IOException {
    Path folder = Path.of(URI.create(ctx.layout().validatedRoot(source))).resolve(day);
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
    StoredWork store = new StoredWork(other, protocol(other));
    store.keep(CUTOFF, MEASURED);
    Path file = Path.of(URI.create(store.cutoffPath(CUTOFF)));
    Files.writeString(file, "{\"metrics\": {\"ease\": ");
    assertEquals(Optional.empty(), store.find(CUTOFF));
  }

  @Test
  void aStoredRankerScoresAsTheFittedOneAndOnlyForItsCutoffs() {
    SparkSession spark = TestSpark.session();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(
          RowFactory.create(
              "u" + i, "i" + (i % 7), (double) (i % 5), (double) (i % 3), i % 5 > 2 ? 1.0 : 0.0));
    }
    Dataset<Row> data =
        spark.createDataFrame(
            rows,
            new StructType()
                .add("user_id", "string")
                .add("item_id", "string")
                .add("a", "double")
                .add("b", "double")
                .add("label", "double"));
    PipelineModel model =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new VectorAssembler()
                      .setInputCols(new String[] {"a", "b"})
                      .setOutputCol("features"),
                  new GBTClassifier().setMaxIter(3).setSeed(1)
                })
            .fit(data);
    Ranker.Fitted fitted = new Ranker.Fitted(model, List.of("a", "b"));
    List<LocalDate> cutoffs = List.of(CUTOFF, CUTOFF.minusDays(7));
    StoredWork store = new StoredWork(ctx, protocol(ctx));
    assertEquals(Optional.empty(), store.findRanker(SyntheticShop.RUN_DAY, cutoffs));
    store.keepRanker(SyntheticShop.RUN_DAY, cutoffs, fitted);

    Ranker.Fitted loaded = find(ctx, cutoffs).orElseThrow();
    assertEquals(fitted.features(), loaded.features());
    assertEquals(
        fitted.score(data).orderBy("user_id").collectAsList(),
        loaded.score(data).orderBy("user_id").collectAsList(),
        "every score to the last digit");
    assertEquals(Optional.empty(), find(ctx, List.of(CUTOFF)), "other cutoffs");
  }

  static Optional<Ranker.Fitted> find(RunContext c, List<LocalDate> cutoffs) {
    return new StoredWork(c, protocol(c)).findRanker(SyntheticShop.RUN_DAY, cutoffs);
  }

  @Test
  void aRankerWhoseSaveWasCutShortIsNotFound() throws IOException {
    List<LocalDate> cutoffs = List.of(CUTOFF.minusDays(21));
    Path model =
        Path.of(
            URI.create(
                new StoredWork(ctx, protocol(ctx)).rankerPath(SyntheticShop.RUN_DAY, cutoffs)
                    + "/model/metadata"));
    Files.createDirectories(model);
    Files.writeString(model.resolve("part-00000"), "{}");
    assertEquals(Optional.empty(), find(ctx, cutoffs), "no ranker.json yet");
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
        StoreKeys.canonical(new Settings("s", ab)), StoreKeys.canonical(new Settings("s", ba)));
    assertTrue(
        StoreKeys.canonical(new Settings("s", ab)).contains("click=0.1"),
        StoreKeys.canonical(new Settings("s", ab)));
  }
}
