package com.comborec.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.DuckDb;
import com.comborec.ManifestSchema;
import com.comborec.TestConfig;
import com.comborec.TestSpark;
import com.comborec.cli.Main;
import com.comborec.cli.PipelineRunner;
import com.comborec.cli.Stages;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.core.FaultPoint;
import com.comborec.core.Json;
import com.comborec.core.RunHooks;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job on data-samples, read back with DuckDB: dt folders with _SUCCESS, the manifest,
 * LATEST and reconciled counts; then a failure injected mid-commit and a clean re-run of a day. All
 * runs happen once up front and every test checks what they left, so no test depends on another's
 * order.
 */
class PublishEndToEndTest {
  static final String DAY1 = "2011-07-29";
  static final String DAY2 = "2011-07-31";
  @TempDir static Path out;
  static int firstRun;
  static int failedRun;
  static int cleanRun;
  static int gateRefusedRun;
  static String latestAfterGateRefusal;
  static Map<String, String> day1FilesAfterGateRefusal;
  static boolean day2RecommendationsAfterGateRefusal;
  static Map<String, Object> refusedManifest;
  static int rerun;
  static String latestAfterFailure;
  static Map<String, String> day1FilesBefore;
  static Map<String, String> day1FilesAfterFailure;
  static Map<String, String> day1FilesAfterRerun;
  static List<Map<String, Object>> day2RowsFirst;
  static List<Map<String, Object>> day2RowsRerun;
  static List<Map<String, Object>> bundlesFirst;
  static List<Map<String, Object>> bundlesRerun;
  static String failedErr;

  @BeforeAll
  static void runNights() throws IOException {
    TestSpark.session();
    firstRun = nightly(DAY1);
    day1FilesBefore = hashes(DAY1);
    StringWriter err = new StringWriter();
    failedRun = nightlyFailingAt(DAY2, FaultPoint.MID_COMMIT, err);
    failedErr = err.toString();
    latestAfterFailure = Files.readString(out.resolve("LATEST")).trim();
    day1FilesAfterFailure = hashes(DAY1);
    // The gate compares day 2's serving NDCG@10 (mean over its recent cutoffs) with the last
    // published night's. Day 1's figure is set to a perfect 1.0 for this run, so whatever day 2
    // serves falls below 0.9 x it: a refusal that does not hang on which option wins.
    Path day1Manifest = out.resolve("_manifests/dt=" + DAY1 + ".json");
    String day1ManifestText = Files.readString(day1Manifest);
    Path day1Checksum = out.resolve("_manifests/.dt=" + DAY1 + ".json.crc"); // Hadoop's, now stale
    Files.deleteIfExists(day1Checksum);
    Files.writeString(day1Manifest, withServingNdcg(day1ManifestText, 1.0));
    gateRefusedRun = nightly(DAY2, "model.gate.min-ndcg-ratio=0.9");
    Files.writeString(day1Manifest, day1ManifestText);
    latestAfterGateRefusal = Files.readString(out.resolve("LATEST")).trim();
    day1FilesAfterGateRefusal = hashes(DAY1);
    day2RecommendationsAfterGateRefusal = Files.exists(out.resolve("recommendations/dt=" + DAY2));
    refusedManifest = manifest(DAY2);
    cleanRun = nightly(DAY2);
    day2RowsFirst = day2Rows();
    bundlesFirst = bundles();
    rerun = nightly(DAY2);
    day2RowsRerun = day2Rows();
    bundlesRerun = bundles();
    day1FilesAfterRerun = hashes(DAY1);
  }

  /** The manifest's JSON with the model's serving NDCG replaced (the gate's previous figure). */
  static String withServingNdcg(String manifestJson, double ndcg) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(manifestJson);
    ((ObjectNode) tree.get("model")).put("serving_ndcg_at_k", ndcg);
    return json.writeValueAsString(tree);
  }

  static int nightly(String day, String... sets) {
    return nightly(day, new StringWriter(), sets);
  }

  /** The nightly job with a failure injected at {@code point}, run as Main would; its exit code. */
  static int nightlyFailingAt(String day, FaultPoint point, StringWriter err) {
    List<String> args = arguments(day);
    List<String> sets = new java.util.ArrayList<>();
    for (int i = 3; i < args.size(); i += 2) {
      sets.add(args.get(i + 1));
    }
    ComboConfig config = TestConfig.load(sets);
    RunHooks failing =
        reached -> {
          if (reached == point) {
            throw new IllegalStateException("injected failure at " + point);
          }
        };
    try {
      return PipelineRunner.run(
              TestSpark.session(), config, LocalDate.parse(day), Stages.all(), true, failing)
          .code();
    } catch (ComborecException e) {
      err.write(e.getMessage());
      return e.exitCode().code();
    } catch (RuntimeException e) {
      err.write(String.valueOf(e.getMessage()));
      return ExitCode.FAILURE.code();
    }
  }

  static int nightly(String day, StringWriter err, String... sets) {
    List<String> args = arguments(day);
    for (String s : sets) {
      args.addAll(List.of("--set", s));
    }
    return Main.execute(new PrintWriter(err, true), args.toArray(String[]::new));
  }

  /** nightly --date day, then --set pairs only. */
  static List<String> arguments(String day) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "nightly",
                "--date",
                day,
                "--set",
                "input=\"" + TestSpark.projectDir().resolve("data-samples") + "\"",
                "--set",
                "output=\"" + out + "\"",
                // Small data needs few iterations; these keep four full nights within the suite's
                // budget.
                "--set",
                "model.als.max-iter=5",
                "--set",
                "model.als.rank=8",
                "--set",
                "segment.max-iterations=10"));
    return args;
  }

  /** The contract's strategy codes as an SQL list. */
  static String strategies() {
    return java.util.Arrays.stream(com.comborec.contract.Strategy.values())
        .map(v -> "'" + v.code() + "'")
        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
  }

  /** SHA-256 of every public file whose path names the day, by relative path. */
  static Map<String, String> hashes(String day) throws IOException {
    Map<String, String> out2 = new TreeMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(p).toString();
        if (rel.contains("dt=" + day) && !rel.startsWith("_")) {
          out2.put(rel, sha256(p));
        }
      }
    }
    return out2;
  }

  static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Map<String, Object>> day2Rows() {
    try (DuckDb db = new DuckDb()) {
      return db.query(
          "SELECT source, reason, detail, line FROM read_parquet('"
              + out
              + "/rejects/*/dt="
              + DAY2
              + "/*.parquet') ORDER BY ALL");
    }
  }

  static List<Map<String, Object>> bundles() {
    try (DuckDb db = new DuckDb()) {
      return db.query(
          "SELECT segment_id, rank, bundle_id, list_price FROM read_parquet('"
              + out
              + "/bundles/dt="
              + DAY2
              + "/*.parquet') ORDER BY ALL");
    }
  }

  static Map<String, Object> manifest(String day) throws IOException {
    return Json.readMap(Files.readString(out.resolve("_manifests/dt=" + day + ".json")));
  }

  @Test
  void runsExitAsExpected() {
    assertEquals(0, firstRun, "first night");
    assertEquals(1, failedRun, "the injected failure exits 1: " + failedErr);
    assertTrue(failedErr.contains("MID_COMMIT"), failedErr);
    assertEquals(0, cleanRun, "clean run of day 2");
    assertEquals(0, rerun, "re-run of day 2");
  }

  @Test
  void failureLeavesPreviousDayAndLatestUntouched() {
    assertEquals(DAY1, latestAfterFailure, "LATEST after the failed run");
    assertFalse(day1FilesBefore.isEmpty(), "day 1 published files");
    assertEquals(day1FilesBefore, day1FilesAfterFailure, "day 1 files after the failed run");
  }

  @Test
  void modelGateRefusalExits5AndPublishesNothing() {
    assertEquals(5, gateRefusedRun, "the model quality gate refuses with exit 5");
    assertEquals("refused_model_quality", refusedManifest.get("status"));
    assertEquals(DAY1, latestAfterGateRefusal, "LATEST after the refused run");
    assertEquals(day1FilesBefore, day1FilesAfterGateRefusal, "day 1 files after the refused run");
    assertFalse(
        day2RecommendationsAfterGateRefusal, "no recommendations published for the refused day");
  }

  @Test
  void rerunGivesSameRowsAndTouchesNoOtherDay() {
    assertFalse(day2RowsFirst.isEmpty(), "day 2 has rejects");
    assertEquals(day2RowsFirst, day2RowsRerun, "day 2 rows after the re-run");
    assertEquals(day1FilesBefore, day1FilesAfterRerun, "day 1 files after re-running day 2");
  }

  @Test
  void latestAndSuccessMarkers() throws IOException {
    assertEquals(DAY2 + "\n", Files.readString(out.resolve("LATEST")));
    try (Stream<Path> dirs = Files.walk(out)) {
      List<Path> partitions =
          dirs.filter(
                  p ->
                      p.getFileName().toString().startsWith("dt=")
                          && Files.isDirectory(p)
                          && !out.relativize(p).toString().startsWith("_"))
              .toList();
      assertFalse(partitions.isEmpty());
      for (Path p : partitions) {
        assertTrue(Files.exists(p.resolve("_SUCCESS")), "_SUCCESS in " + p);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void manifestCountsReconcileWithWhatDuckDbReads() throws IOException {
    for (String day : List.of(DAY1, DAY2)) {
      Map<String, Object> m = manifest(day);
      assertEquals("published", m.get("status"));
      assertEquals("1.1", m.get("schema_version"));
      try (DuckDb db = new DuckDb()) {
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("inputs")).entrySet()) {
          Map<?, ?> c = (Map<?, ?>) e.getValue();
          if (!c.containsKey("read")) {
            continue; // a snapshot reused from an earlier run: nothing read this run
          }
          long read = ((Number) c.get("read")).longValue();
          long accepted = ((Number) c.get("accepted")).longValue();
          long rejected = ((Number) c.get("rejected")).longValue();
          assertEquals(
              read, accepted + rejected, day + " " + e.getKey() + ": read = accepted + rejected");
          List<String> dts =
              ((List<?>) c.get("partitions")).stream().map(d -> "'" + d + "'").toList();
          long published =
              db.count(
                  "SELECT count(*) FROM read_parquet('"
                      + out
                      + "/rejects/"
                      + e.getKey()
                      + "/*/*.parquet', hive_partitioning = true) WHERE dt IN ("
                      + String.join(",", dts)
                      + ")");
          assertEquals(rejected, published, day + " " + e.getKey() + ": rejects DuckDB reads");
        }
      }
    }
    try (DuckDb db = new DuckDb()) {
      long events =
          ((Number)
                  ((Map<?, ?>) ((Map<?, ?>) manifest(DAY2).get("inputs")).get("events"))
                      .get("accepted"))
              .longValue();
      assertEquals(
          events,
          db.count(
              "SELECT count(*) FROM read_parquet('"
                  + out
                  + "/_work/validated/events/dt="
                  + DAY2
                  + "/*.parquet')"),
          "validated events of " + DAY2);
    }
  }

  @Test
  void firstNightCaughtUpEveryEarlierPartitionWithReconciledCounts() throws IOException {
    Map<String, Object> m = manifest(DAY1);
    Map<?, ?> events = (Map<?, ?>) ((Map<?, ?>) m.get("inputs")).get("events");
    assertTrue(
        ((List<?>) events.get("partitions")).size() > 40, "catch-up ingested the sample's days");
    try (DuckDb db = new DuckDb()) {
      long rejects =
          db.count(
              "SELECT count(*) FROM read_parquet('"
                  + out
                  + "/rejects/events/*/*.parquet', "
                  + "hive_partitioning = true) WHERE dt <= '"
                  + DAY1
                  + "'");
      assertEquals(
          ((Number) events.get("rejected")).longValue(),
          rejects,
          "events rejects over all partitions");
      Map<String, Object> byReason =
          db.query(
                  "SELECT count(DISTINCT reason) AS reasons FROM read_parquet('"
                      + out
                      + "/rejects/*/*/*.parquet')")
              .get(0);
      assertTrue(
          ((Number) byReason.get("reasons")).intValue() >= 9,
          "data-samples plant every reason: " + byReason);
    }
  }

  @Test
  void segmentsCoverEveryKnownUserAndNoSegmentIsBelowTheMinimum() {
    try (DuckDb db = new DuckDb()) {
      ContractTables t = new ContractTables(db, out, DAY2);
      long users = t.count("SELECT count(*) FROM " + t.table("segments"));
      assertEquals(
          users,
          t.count("SELECT count(DISTINCT user_id) FROM " + t.table("segments")),
          "one row per user");
      assertEquals(
          0,
          t.count("SELECT count(*) FROM " + t.table("segment_profiles") + " WHERE users < 20"),
          "no published segment below segment.min-size (20)");
      assertEquals(
          users,
          t.count("SELECT sum(users) FROM " + t.table("segment_profiles")),
          "profiles cover all users");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.table("segments")
                  + " WHERE segment_id NOT IN "
                  + "(SELECT segment_id FROM "
                  + t.table("segment_profiles")
                  + ")"),
          "every user's segment has a profile");
    }
  }

  @Test
  void combinationsHaveValidRanksAndOnlySellableItems() {
    try (DuckDb db = new DuckDb()) {
      ContractTables t = new ContractTables(db, out, DAY2);
      assertTrue(t.count("SELECT count(*) FROM " + t.companions()) > 0, "companions published");
      assertEquals(0, t.badRanks(t.companions(), "key"), "companion ranks 1..n");
      assertEquals(0, t.badRanks(t.neighbors(), "key"), "neighbour ranks 1..n");
      assertEquals(
          0,
          t.count("SELECT count(*) FROM " + t.companions() + " WHERE other IN " + t.unsellable()),
          "no inactive or out-of-stock companion");
      assertEquals(
          0,
          t.count("SELECT count(*) FROM " + t.neighbors() + " WHERE other IN " + t.unsellable()),
          "no inactive or out-of-stock neighbour");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.companions()
                  + " WHERE NOT ((baskets >= 1 AND confidence > 0 AND confidence <= 1 AND lift > 0)"
                  + " OR (baskets = 0 AND confidence = 0 AND lift = 0))"),
          "confidence, lift, baskets valid; a popular fill never bought with the item has 0s");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM " + t.neighbors() + " WHERE similarity < 0 OR similarity > 1"),
          "similarity in [0, 1]");
    }
  }

  @Test
  void bundlesAddUpAndAreStableAcrossAReRun() {
    assertFalse(bundlesFirst.isEmpty(), "bundles published");
    assertEquals(bundlesFirst, bundlesRerun, "bundle ids and prices after a re-run");
    try (DuckDb db = new DuckDb()) {
      ContractTables t = new ContractTables(db, out, DAY2);
      assertEquals(
          0, t.badRanks(t.table("bundles"), "segment_id"), "bundle ranks 1..R per segment");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM (SELECT bundle_id, any_value(list_price) AS lp, sum(price) AS s"
                  + " FROM "
                  + t.bundleItems()
                  + " GROUP BY bundle_id, segment_id) WHERE abs(lp - s) > 1e-6"),
          "list_price = sum of prices");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.table("bundles")
                  + " WHERE abs(discount_rate - (1 - bundle_price / list_price)) > 1e-9 OR"
                  + " bundle_price > list_price"),
          "discount_rate = 1 - bundle_price / list_price");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM " + t.bundleItems() + " WHERE item_id IN " + t.unsellable()),
          "no inactive or out-of-stock bundle item");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.table("bundles")
                  + " WHERE solver_status NOT IN ('OPTIMAL', 'FEASIBLE')"),
          "solver status");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.table("bundles")
                  + " WHERE segment_id NOT IN "
                  + "(SELECT segment_id FROM "
                  + t.table("segment_profiles")
                  + ")"),
          "bundles only for published segments");
    }
  }

  @Test
  void recommendationsFollowTheContract() throws IOException {
    try (DuckDb db = new DuckDb()) {
      ContractTables t = new ContractTables(db, out, DAY2);
      String recs = t.table("recommendations");
      long rows = t.count("SELECT count(*) FROM " + recs);
      assertEquals(
          t.count("SELECT count(*) FROM " + t.table("segments")), rows, "one row per known user");
      assertEquals(rows, t.count("SELECT count(DISTINCT user_id) FROM " + recs), "no user twice");
      assertEquals(0, t.badRanks(t.recommendationItems(), "key"), "ranks 1..n per user");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.recommendationItems()
                  + " WHERE reason NOT IN "
                  + "('personal', 'bought_with', 'similar_to', 'popular_in_segment', 'trending')"),
          "reason codes");
      assertEquals(
          0,
          t.count("SELECT count(*) FROM " + recs + " WHERE strategy NOT IN " + strategies()),
          "strategies");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.recommendationItems()
                  + " WHERE item_id IN "
                  + t.unsellable()),
          "no inactive or out-of-stock item");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.recommendationItems()
                  + " WHERE (reason = 'bought_with') <> "
                  + "(because_item_id IS NOT NULL)"),
          "because_item_id exactly on bought_with items");
      String purchases =
          "(SELECT DISTINCT user_id, item_id FROM read_parquet('"
              + out
              + "/_work/validated/events/*/*.parquet') WHERE event_type = 'purchase' AND user_id IS"
              + " NOT NULL)";
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.recommendationItems()
                  + " r JOIN "
                  + purchases
                  + " p ON r.key = p.user_id AND r.item_id = p.item_id"),
          "nothing the user bought in the look-back window");
      // recommend.dismiss-days = 30: dismissals on the run day and the 29 days before it.
      String dismissed =
          "(SELECT DISTINCT user_id, item_id FROM read_parquet('"
              + out
              + "/_work/validated/feedback/*/*.parquet', hive_partitioning = true) WHERE action ="
              + " 'dismiss' AND item_id IS NOT NULL AND dt >= '2011-07-02')";
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + t.recommendationItems()
                  + " r JOIN "
                  + dismissed
                  + " d ON r.key = d.user_id AND r.item_id = d.item_id"),
          "nothing the user dismissed in the last 30 days");
      Object version = ((Map<?, ?>) manifest(DAY2).get("model")).get("version");
      assertEquals(
          rows,
          t.count("SELECT count(*) FROM " + recs + " WHERE model_version = '" + version + "'"),
          "model_version is the manifest's");
      Object serving = ((Map<?, ?>) manifest(DAY2).get("model")).get("serving");
      assertEquals(
          0,
          t.count(
              "SELECT count(*) FROM "
                  + recs
                  + " WHERE strategy NOT IN "
                  + "('"
                  + serving
                  + "', 'segment_popular', 'global_popular')"),
          "personal lists come from the serving model");
      if (!"popular".equals(serving)) {
        assertTrue(
            t.count(
                    "SELECT count(*) FROM "
                        + t.recommendationItems()
                        + " WHERE reason = 'personal' "
                        + "OR reason = 'bought_with'")
                > 0,
            "some lists are personal");
      }
    }
  }

  /**
   * What a downstream reader sees: every table of the LATEST day through DuckDB with hive
   * partitioning, its columns and their types exactly as the contract lists them.
   */
  @Test
  void everyTableReadsThroughDuckDbWithTheContractsColumnsAndTypes() throws IOException {
    String latest = Files.readString(out.resolve("LATEST")).trim();
    try (DuckDb db = new DuckDb()) {
      Map<String, Map<String, String>> expected =
          new java.util.LinkedHashMap<>(DownstreamTypes.tables());
      try (Stream<Path> sources = Files.list(out.resolve("rejects"))) {
        sources.forEach(
            src -> expected.put("rejects/" + src.getFileName(), DownstreamTypes.rejects()));
      }
      for (Map.Entry<String, Map<String, String>> table : expected.entrySet()) {
        String scan =
            "read_parquet('"
                + out
                + "/"
                + table.getKey()
                + "/*/*.parquet', hive_partitioning = true)";
        Map<String, String> actual = new java.util.LinkedHashMap<>();
        for (Map<String, Object> col :
            db.query("DESCRIBE SELECT * FROM " + scan + " WHERE dt = DATE '" + latest + "'")) {
          actual.put((String) col.get("column_name"), (String) col.get("column_type"));
        }
        assertEquals(table.getValue(), actual, table.getKey() + ": columns and types");
        if (!table.getKey().startsWith("rejects/")) {
          assertTrue(
              db.count("SELECT count(*) FROM " + scan + " WHERE dt = DATE '" + latest + "'") > 0,
              table.getKey() + " has rows on LATEST " + latest);
        }
      }
    }
  }

  @Test
  void everyManifestMatchesTheDocumentedSchema() {
    ManifestSchema.assertAllValid(out);
  }
}
