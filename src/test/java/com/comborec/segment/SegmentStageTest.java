package com.comborec.segment;

import static com.comborec.segment.SegmentFixtures.RUN_DAY;
import static com.comborec.segment.SegmentFixtures.event;
import static com.comborec.segment.SegmentFixtures.events;
import static com.comborec.segment.SegmentFixtures.product;
import static com.comborec.segment.SegmentFixtures.products;
import static com.comborec.segment.SegmentFixtures.spark;
import static com.comborec.segment.SegmentFixtures.user;
import static com.comborec.segment.SegmentFixtures.users;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.contract.Schemas;
import com.comborec.core.ComborecException;
import com.comborec.core.RunContext;
import com.comborec.core.StagedTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage end to end: validated inputs in, work dataset, staged tables and manifest figures out.
 */
class SegmentStageTest {
  @TempDir Path output;

  /**
   * Run day 2026-03-10, window 30. Known users: u1..u4 (snapshot) and u5 (events only); the guest
   * is not one. k 2, min size 2 -> 5 / 2 = 2 clusters at most; every segment >= 2 users.
   */
  @Test
  void stageWritesWorkSegmentsAndStagesBothTables() throws Exception {
    RunContext ctx = context(output.resolve("full"));
    writeInputs(ctx);
    SegmentResult.Segment result = new SegmentStage().run(ctx).segment();

    Dataset<Row> work = spark().read().parquet(ctx.layout().work("segments"));
    assertEquals(
        List.of("user_id", "segment_id"), List.of(work.columns()), "work segments columns");
    Set<String> users = new TreeSet<>(work.select("user_id").as(Encoders.STRING()).collectAsList());
    assertEquals(Set.of("u1", "u2", "u3", "u4", "u5"), users, "known users in work segments");

    Map<String, StagedTables.Entry> staged = new HashMap<>();
    ctx.staged().entries().forEach(e -> staged.put(e.table(), e));
    assertEquals(5, staged.get("segments").rows(), "staged segments rows");
    Dataset<Row> profiles =
        spark().read().parquet(ctx.layout().staged(staged.get("segment_profiles").relativePath()));
    assertTrue(
        Schemas.mismatches(Schemas.SEGMENT_PROFILES, profiles.schema()).isEmpty(),
        "profiles schema " + profiles.schema());
    List<Long> sizes = result.sizes();
    assertEquals(
        5L, sizes.stream().mapToLong(Long::longValue).sum(), "sizes add up to the users: " + sizes);
    assertEquals(sizes.size(), (int) profiles.count(), "every segment (all >= 2) has a profile");
    for (Row p : profiles.collectAsList()) {
      Map<String, Double> features = p.getJavaMap(3);
      assertTrue(
          features
              .keySet()
              .containsAll(List.of("recency_days", "frequency", "monetary", "share_kitchen")),
          "segment " + p.getInt(0) + " feature keys " + features.keySet());
    }
    assertEquals(2, result.kRequested(), "manifest segment.k_requested");
    assertEquals(sizes.size(), result.kAfterMerges(), "manifest segment.k_after_merges");
    // Buyers u1, u2 against the rest; deterministic for the fixed seed.
    assertEquals(List.of(3L, 2L), sizes, "manifest segment.sizes");
    assertNotNull(result.silhouette(), "manifest segment.silhouette");
    assertReadableByDuckDb(ctx.layout().staged(staged.get("segment_profiles").relativePath()));
  }

  /** An independent reader sees the profiles, map column included: 2 rows, 5 users in all. */
  private static void assertReadableByDuckDb(String folder) throws Exception {
    String glob = Path.of(java.net.URI.create(folder)).resolve("*.parquet").toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*), sum(users), min(cardinality(features)) "
                    + "FROM read_parquet('"
                    + glob
                    + "')")) {
      assertTrue(rs.next(), "duckdb returned no row");
      assertEquals(2, rs.getLong(1), "duckdb: profile rows");
      assertEquals(5, rs.getLong(2), "duckdb: sum(users)");
      assertTrue(rs.getLong(3) >= 4, "duckdb: features entries " + rs.getLong(3));
    }
  }

  /** Nothing validated yet (no events, catalog or users): both tables staged empty, in schema. */
  @Test
  void noInputsGiveEmptyTables() {
    RunContext ctx = context(output.resolve("empty"));
    SegmentResult.Segment result = new SegmentStage().run(ctx).segment();
    Map<String, StagedTables.Entry> staged = new HashMap<>();
    ctx.staged().entries().forEach(e -> staged.put(e.table(), e));
    assertEquals(0, staged.get("segments").rows(), "staged segments rows");
    assertEquals(0, staged.get("segment_profiles").rows(), "staged segment_profiles rows");
    Dataset<Row> profiles =
        spark().read().parquet(ctx.layout().staged(staged.get("segment_profiles").relativePath()));
    assertTrue(
        Schemas.mismatches(Schemas.SEGMENT_PROFILES, profiles.schema()).isEmpty(),
        "profiles schema " + profiles.schema());
    assertEquals(0L, result.users(), "manifest segment.users");
  }

  @Test
  void badSettingsNameTheKey() {
    ComborecException e =
        assertThrows(
            ComborecException.class, () -> TestConfig.defaults().with("segment.min-size=0"));
    assertTrue(e.getMessage().contains("comborec.segment.min-size"), e.getMessage());
    assertEquals(
        new SegmentSettings(6, 20, 30, 42, 8, 5),
        TestConfig.defaults().get(SegmentSettings.SECTION),
        "defaults");
  }

  private static RunContext context(Path root) {
    RunContext ctx =
        new RunContext(
            spark(),
            TestConfig.defaults()
                .with(
                    "output=\"" + root + "\"",
                    "lookback-days=30",
                    "model.eval.cutoffs=1",
                    "model.eval.min-history-days=14",
                    "segment.k=2",
                    "segment.min-size=2"),
            RUN_DAY,
            "test-run");
    ctx.enterStage("segment");
    return ctx;
  }

  private static void writeInputs(RunContext ctx) {
    write(
        events(
                event("u1", "p1", "purchase", 3, 10.0, "o1", "2026-03-09"),
                event("u1", "p2", "purchase", 1, null, "o2", "2026-03-10"),
                event("u2", "p1", "purchase", 2, 10.0, "o3", "2026-03-08"),
                event("u2", "p1", "purchase", 1, 10.0, "o4", "2026-03-10"),
                event("u3", "p2", "view", 1, null, null, "2026-03-05"),
                event("u4", "p2", "view", 1, null, null, "2026-03-06"),
                event("u5", "p1", "view", 1, null, null, "2026-03-06"),
                event(null, "p1", "purchase", 1, null, "o9", "2026-03-06"))
            .drop("dt"),
        ctx.layout().validated("events", RUN_DAY));
    write(
        products(product("p1", "Kitchen > Pots", 10.0), product("p2", "Garden", 4.0)),
        ctx.layout().validated("products", RUN_DAY));
    write(
        users(
            user("u1", 1980, "f", "north"),
            user("u2", 1985, "m", "north"),
            user("u3", 1990, "f", "south"),
            user("u4", null, null, null)),
        ctx.layout().validated("users", RUN_DAY));
  }

  private static void write(Dataset<Row> rows, String path) {
    rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
  }
}
