package com.comborec.responsible;

import static com.comborec.Rows.frame;
import static com.comborec.Rows.recommendation;
import static com.comborec.Rows.recommendations;
import static com.comborec.Rows.spark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.DuckDb;
import com.comborec.ManifestSchema;
import com.comborec.TestConfig;
import com.comborec.contract.Schemas;
import com.comborec.core.ComboConfig;
import com.comborec.core.ExitCode;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.privacy.PrivacyFilter;
import com.comborec.privacy.Pseudonymizer;
import com.comborec.publish.Committer;
import com.comborec.publish.ManifestWriter;
import com.comborec.store.TableWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes tiny recommendations, segments and rejects tables through the real TableWriter hook and
 * Committer, with pseudonymisation on (key A twice, key B once) and off (the control that proves
 * the scan can find something), then reads every output file back with DuckDB.
 */
class PrivacyEndToEndTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 10);
  static final List<String> RAW_IDS =
      List.of("cust-alice-0001", "cust-bob-0002", "cust-carol-0003");
  static final String KEY_A = "key-a-0123456789abcdef0123456789abcdef";
  static final String KEY_B = "key-b-0123456789abcdef0123456789abcdef";
  @TempDir static Path dir;
  static Map<String, String> logs = new TreeMap<>();

  @BeforeAll
  static void publishFourRuns() throws Exception {
    Files.writeString(dir.resolve("key-a"), KEY_A + "\n");
    Files.writeString(dir.resolve("key-b"), KEY_B + "\n");
    publish("run1", "key-a");
    publish("run2", "key-a");
    publish("run3", "key-b");
    publish("plain", null);
  }

  @Test
  void noRawIdInAnyOutputFileOrLog() {
    for (String run : List.of("run1", "run3")) {
      Path out = dir.resolve(run);
      assertEquals(4, RawIdScanner.parquetFiles(out).size(), run + ": one file per staged table");
      assertEquals(List.of(), RawIdScanner.scan(out, RAW_IDS), run + ": raw ids in outputs");
      assertEquals(
          List.of(),
          RawIdScanner.scanString(run + " log", logs.get(run), RAW_IDS),
          run + ": raw ids in the log");
      assertTrue(
          logs.get(run).contains("[privacy] recommendations: user_id pseudonymised"),
          run + " log:\n" + logs.get(run));
    }
  }

  /**
   * Without pseudonymisation the very same scan finds every id: in both tables and in the rejects
   * line.
   */
  @Test
  void theScanFindsRawIdsWhenPseudonymisationIsOff() {
    List<RawIdScanner.Finding> found = RawIdScanner.scan(dir.resolve("plain"), RAW_IDS);
    assertEquals(
        new TreeSet<>(RAW_IDS),
        new TreeSet<>(found.stream().map(RawIdScanner.Finding::id).toList()),
        "ids found");
    assertTrue(
        found.stream()
            .anyMatch(f -> f.source().contains("rejects") && f.id().equals("cust-carol-0003")),
        "the raw rejects line is scanned: " + found);
  }

  @Test
  void pseudonymsAreTheKeyedHmacStableAcrossRunsAndChangeWithTheKey() {
    Pseudonymizer a = new Pseudonymizer(KEY_A.getBytes(StandardCharsets.UTF_8));
    Map<String, Integer> expected =
        new TreeMap<>(
            Map.of(
                a.pseudonym("cust-alice-0001"),
                1,
                a.pseudonym("cust-bob-0002"),
                1,
                a.pseudonym("cust-carol-0003"),
                2));
    assertEquals(expected, segments("run1"), "run1 segments: pseudonym -> segment");
    assertEquals(expected, segments("run2"), "run2 (same key): same pseudonyms");
    assertEquals(
        expected.keySet(),
        recommendedUsers("run1"),
        "recommendations and segments join on the pseudonym");
    TreeSet<String> keyB = new TreeSet<>(segments("run3").keySet());
    keyB.retainAll(expected.keySet());
    assertEquals(new TreeSet<>(), keyB, "key B shares no pseudonym with key A");
    assertEquals(3, segments("run3").size(), "key B: three users");
  }

  /**
   * Events rejects lose their raw line (detail stays); products rejects carry no user id and keep
   * it.
   */
  @Test
  void rejectsOfPersonalSourcesLoseTheirRawLine() {
    try (DuckDb db = new DuckDb()) {
      Map<String, Object> events =
          db.query(
                  "SELECT line, detail FROM read_parquet('"
                      + dir.resolve("run1/rejects/events/dt=" + DAY + "/*.parquet")
                      + "')")
              .get(0);
      assertNull(events.get("line"), "events rejects line");
      assertEquals(
          "event_type: 'teleport' is not one of [view]",
          events.get("detail"),
          "events rejects detail");
      Map<String, Object> products =
          db.query(
                  "SELECT line FROM read_parquet('"
                      + dir.resolve("run1/rejects/products/dt=" + DAY + "/*.parquet")
                      + "')")
              .get(0);
      assertEquals("p9,,,,-1", products.get("line"), "products rejects line");
    }
  }

  /** Tables without a user column pass through untouched (the key is not even read). */
  @Test
  void tablesWithoutUserIdsPassUnchanged() {
    ComboConfig config =
        TestConfig.defaults()
            .with(
                "output=\"" + dir.resolve("unused") + "\"",
                "privacy.pseudonymize=true",
                "privacy.key-file=\"" + dir.resolve("key-a") + "\"");
    RunContext ctx = new RunContext(spark(), config, DAY, "unused");
    Dataset<Row> fbt = spark().createDataFrame(List.of(), Schemas.FREQUENTLY_BOUGHT_TOGETHER);
    assertSame(
        fbt,
        PrivacyFilter.apply(ctx, "frequently_bought_together", fbt),
        "frequently_bought_together");
  }

  @Test
  void manifestNamesTheKeyIdNotTheKey() throws Exception {
    String manifest = Files.readString(dir.resolve("run1/_manifests/dt=" + DAY + ".json"));
    Map<String, Object> m = Json.readMap(manifest);
    @SuppressWarnings("unchecked")
    Map<String, Object> privacy = (Map<String, Object>) m.get("privacy");
    assertEquals(
        new Pseudonymizer(KEY_A.getBytes(StandardCharsets.UTF_8)).keyId(),
        privacy.get("key_id"),
        "privacy.key_id");
    assertFalse(manifest.contains(KEY_A), "the key itself is in the manifest");
  }

  private static void publish(String run, String keyFile) {
    ComboConfig config = TestConfig.defaults().with("output=\"" + dir.resolve(run) + "\"");
    if (keyFile != null) {
      config =
          config.with(
              "privacy.pseudonymize=true", "privacy.key-file=\"" + dir.resolve(keyFile) + "\"");
    }
    RunContext ctx = new RunContext(spark(), config, DAY, run);
    ctx.enterStage("publish");
    try (LogCapture log = new LogCapture()) {
      TableWriter.stage(
          ctx,
          "recommendations",
          recommendations(
              recommendation("cust-alice-0001", 1, "p1", "p2"),
              recommendation("cust-bob-0002", 1, "p2"),
              recommendation("cust-carol-0003", 2, "p3", "p1")));
      TableWriter.stage(
          ctx,
          "segments",
          frame(
              Schemas.SEGMENTS,
              RowFactory.create("cust-alice-0001", 1),
              RowFactory.create("cust-bob-0002", 1),
              RowFactory.create("cust-carol-0003", 2)));
      TableWriter.stage(
          ctx,
          "rejects",
          "rejects/events/dt=" + DAY,
          frame(
              Schemas.REJECTS,
              RowFactory.create(
                  "events",
                  "events.csv",
                  "2026-03-10T10:00:00Z,cust-carol-0003,p1,teleport,1,,",
                  "unknown_event_type",
                  "event_type: 'teleport' is not one of [view]",
                  2L,
                  3L)));
      TableWriter.stage(
          ctx,
          "rejects",
          "rejects/products/dt=" + DAY,
          frame(
              Schemas.REJECTS,
              RowFactory.create(
                  "products",
                  "products.csv",
                  "p9,,,,-1",
                  "out_of_range",
                  "price: '-1' is not above 0",
                  2L,
                  3L)));
      Committer.publish(ctx);
      ManifestWriter.write(ctx, ExitCode.PUBLISHED, "published", Instant.now(), false);
      logs.put(run, log.text());
    }
  }

  private static Map<String, Integer> segments(String run) {
    Map<String, Integer> out = new TreeMap<>();
    try (DuckDb db = new DuckDb()) {
      for (Map<String, Object> r :
          db.query(
              "SELECT user_id, segment_id FROM read_parquet('"
                  + dir.resolve(run + "/segments/dt=" + DAY + "/*.parquet")
                  + "')")) {
        out.put((String) r.get("user_id"), (Integer) r.get("segment_id"));
      }
    }
    return out;
  }

  private static TreeSet<String> recommendedUsers(String run) {
    TreeSet<String> out = new TreeSet<>();
    try (DuckDb db = new DuckDb()) {
      db.query(
              "SELECT user_id FROM read_parquet('"
                  + dir.resolve(run + "/recommendations/dt=" + DAY + "/*.parquet")
                  + "')")
          .forEach(r -> out.add((String) r.get("user_id")));
    }
    return out;
  }

  @Test
  void everyManifestMatchesTheDocumentedSchema() {
    ManifestSchema.assertAllValid(dir.resolve("run1"));
  }
}
