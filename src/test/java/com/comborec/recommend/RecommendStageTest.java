package com.comborec.recommend;

import static com.comborec.recommend.Fixtures.frame;
import static com.comborec.recommend.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.store.WorkSchemas;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage end to end on a hand-made work store. Items A..H (iids 0..7); G is inactive, H out of
 * stock. u1 bought A, viewed E, dismissed B; u2 viewed A (one item: too little history); u3 is only
 * in the users snapshot. top-n 3.
 */
class RecommendStageTest {
  private static final LocalDate RUN = LocalDate.of(2026, 3, 31);
  private static final Timestamp T = Timestamp.valueOf("2026-03-30 10:00:00");
  @TempDir Path dir;

  /**
   * ALS, no segments. Item factors x = 1.0, 0.9, ..., 0.5 for A..F, G 2, H 3 (second dimension 0);
   * u1 = (1, 0) scores each item by x. Without A (bought), B (dismissed), G, H: C .8, D .7, E .6.
   * u2 and u3 fall back to global popularity H 100, A 50, F 40, G 30, B 20, C 10 -> A, F, B.
   */
  @Test
  void alsServingWithGlobalFallback() {
    RunContext ctx = context("als");
    writeModel(ctx, "als");
    RecommendResult result = new RecommendStage().run(ctx);
    Dataset<Row> table = staged(ctx);
    assertEquals(
        List.of(), Schemas.mismatches(Schemas.RECOMMENDATIONS, table.schema()), "contract columns");
    assertEquals(
        List.of("u1|0|als|m-1", "u2|0|global_popular|m-1", "u3|0|global_popular|m-1"),
        Fixtures.lines(table, "user_id", "segment_id", "strategy", "model_version"),
        "one row per known user");
    assertValidLists(table, 3);
    Map<String, List<String>> lists = Fixtures.lists(table);
    assertEquals(
        List.of("1:C:personal:null", "2:D:personal:null", "3:E:personal:null"),
        lists.get("u1"),
        "u1");
    List<String> popular =
        List.of(
            "1:A:popular_in_segment:null",
            "2:F:popular_in_segment:null",
            "3:B:popular_in_segment:null");
    assertEquals(popular, lists.get("u2"), "u2");
    assertEquals(popular, lists.get("u3"), "u3");
    assertEquals(1L, result.recommend().strategies().get("als"), "manifest figure");
  }

  /**
   * Co-occurrence with segments (u1 in 1, u2 and u3 in 2). Links A->C 0.9, A->D 0.3, E->D 0.4: u1
   * gets C 0.9 and D 0.7, both bought with A (E was only viewed), then segment 1's F (H is out of
   * stock). u2, u3: segment 2's F, C, then the global A.
   */
  @Test
  void cooccurrenceServingWithSegmentFallback() {
    RunContext ctx = context("cooc");
    writeModel(ctx, "cooccurrence");
    write(ctx, "segments", frame(Schemas.SEGMENTS, row("u1", 1), row("u2", 2), row("u3", 2)));
    write(
        ctx,
        "segment_popularity",
        frame(
            WorkSchemas.SEGMENT_POPULARITY,
            row(1, "H", 5.0),
            row(1, "F", 4.0),
            row(2, "F", 9.0),
            row(2, "C", 8.0)));
    new RecommendStage().run(ctx);
    Dataset<Row> table = staged(ctx);
    assertEquals(
        List.of("u1|1|cooccurrence", "u2|2|segment_popular", "u3|2|segment_popular"),
        Fixtures.lines(table, "user_id", "segment_id", "strategy"),
        "strategies");
    assertValidLists(table, 3);
    Map<String, List<String>> lists = Fixtures.lists(table);
    assertEquals(
        List.of("1:C:bought_with:A", "2:D:bought_with:A", "3:F:popular_in_segment:null"),
        lists.get("u1"),
        "u1");
    assertEquals(
        List.of(
            "1:F:popular_in_segment:null",
            "2:C:popular_in_segment:null",
            "3:A:popular_in_segment:null"),
        lists.get("u3"),
        "u3");
  }

  /**
   * One row per user; ranks 1..n without gaps; no item twice; n <= topN; never a null item field.
   */
  static void assertValidLists(Dataset<Row> table, int topN) {
    List<Row> rows = table.collectAsList();
    assertEquals(
        rows.size(),
        rows.stream().map(r -> r.getString(0)).distinct().count(),
        "one row per user_id");
    for (Row r : rows) {
      List<Row> items = r.getList(r.fieldIndex("items"));
      assertTrue(items.size() <= topN, "list of " + r.getString(0) + " longer than top-n");
      for (int i = 0; i < items.size(); i++) {
        Row item = items.get(i);
        assertEquals(i + 1, item.getInt(0), "rank at position " + i + " of " + r.getString(0));
        assertTrue(
            !item.isNullAt(1) && !item.isNullAt(2) && !item.isNullAt(3),
            "item_id, score, reason at rank " + (i + 1) + " of " + r.getString(0));
      }
      assertEquals(
          items.size(),
          items.stream().map(i -> i.getString(1)).distinct().count(),
          "distinct items in the list of " + r.getString(0));
    }
  }

  /**
   * ALS as in {@link #alsServingWithGlobalFallback}, one item per category: u1's pool C .8 (k), D
   * .7 (k), E .6 (g), F .5 (g) gives C, E and nothing else fits; u2's popular A (k), F (g), B (k),
   * C (k) gives A, F. Lists come out shorter than top-n rather than break the cap; every filter
   * holds.
   */
  @Test
  void categoryCapShortensListsRatherThanRepeatACategory() {
    RunContext ctx = context("cap", "responsible.max-per-category=1");
    writeModel(ctx, "als");
    RecommendResult result = new RecommendStage().run(ctx);
    Dataset<Row> table = staged(ctx);
    assertValidLists(table, 3);
    Map<String, List<String>> lists = Fixtures.lists(table);
    assertEquals(List.of("1:C:personal:null", "2:E:personal:null"), lists.get("u1"), "u1");
    assertEquals(
        List.of("1:A:popular_in_segment:null", "2:F:popular_in_segment:null"),
        lists.get("u2"),
        "u2");
    assertEquals(
        List.of("u1|als", "u2|global_popular", "u3|global_popular"),
        Fixtures.lines(table, "user_id", "strategy"),
        "strategies unchanged");
    assertEquals(
        Map.of("max_per_category", 1, "mmr_lambda", 1.0, "popularity_debias_power", 0.0),
        result.responsible().get("settings"),
        "settings in the manifest");
  }

  /**
   * MMR with lambda 0.5 and C~D similarity 1.0. u1's pool C, D, E, F has relevance 1, 2/3, 1/3, 0
   * (its merged order). Pick C (0.5); then D 0.5 x 2/3 - 0.5 x 1 = -1/6, E 1/6, F 0 -> E; then D
   * -1/6, F 0 -> F. Without MMR the list is C, D, E. u2's popular list has no similar pair: A, F,
   * B.
   */
  @Test
  void mmrReRankReplacesASimilarItem() {
    RunContext ctx = context("mmr", "responsible.mmr-lambda=0.5");
    writeModel(ctx, "als");
    write(ctx, "similar", frame(WorkSchemas.SIMILAR, row("C", "D", 1.0, 1), row("D", "C", 1.0, 1)));
    new RecommendStage().run(ctx);
    Dataset<Row> table = staged(ctx);
    assertValidLists(table, 3);
    Map<String, List<String>> lists = Fixtures.lists(table);
    assertEquals(
        List.of("1:C:personal:null", "2:E:personal:null", "3:F:personal:null"),
        lists.get("u1"),
        "u1");
    assertEquals(
        List.of(
            "1:A:popular_in_segment:null",
            "2:F:popular_in_segment:null",
            "3:B:popular_in_segment:null"),
        lists.get("u2"),
        "u2");
  }

  private RunContext context(String name, String... settings) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "input=" + dir.resolve("in"),
                "output=" + dir.resolve(name),
                "work=" + dir.resolve(name + "-work"),
                "recommend.top-n=3"));
    all.addAll(List.of(settings));
    ComboConfig config = TestConfig.defaults().with(all.toArray(String[]::new));
    RunContext ctx = new RunContext(TestSpark.session(), config, RUN, "test");
    ctx.enterStage("recommend");
    return ctx;
  }

  /** A..D kitchen, E, F garden, G, H toys. */
  private static final String[] CATEGORIES = {"k", "k", "k", "k", "g", "g", "x", "x"};

  private static void writeModel(RunContext ctx, String serving) {
    String[] items = {"A", "B", "C", "D", "E", "F", "G", "H"};
    float[] x = {1.0f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 2.0f, 3.0f};
    Object[][] products = new Object[8][];
    Object[][] itemIndex = new Object[8][];
    Object[][] itemFactors = new Object[8][];
    for (int i = 0; i < 8; i++) {
      products[i] = row(items[i], "t", CATEGORIES[i], "b", 1.0, null, i == 7 ? 0 : null, i != 6);
      itemIndex[i] = row(items[i], i);
      itemFactors[i] = row(i, List.of(x[i], 0f));
    }
    writeValidated(ctx, Source.PRODUCTS, frame(Schemas.validated(Source.PRODUCTS), products));
    writeValidated(
        ctx,
        Source.EVENTS,
        frame(
            Schemas.validated(Source.EVENTS),
            row(T, "u1", "A", "purchase", 1, 1.0, "o1"),
            row(T, "u1", "E", "view", null, null, null),
            row(T, "u2", "A", "view", null, null, null)));
    writeValidated(
        ctx,
        Source.FEEDBACK,
        frame(
            Schemas.validated(Source.FEEDBACK),
            row(T, "u1", "recommendations", "B", null, "dismiss")));
    writeValidated(
        ctx,
        Source.USERS,
        frame(
            Schemas.validated(Source.USERS),
            row("u1", null, null, null, null),
            row("u3", null, null, null, null)));
    write(
        ctx,
        "interactions",
        frame(
            WorkSchemas.INTERACTIONS,
            row("u1", "A", 5.0),
            row("u1", "E", 1.0),
            row("u2", "A", 1.0)));
    write(ctx, "user_index", frame(WorkSchemas.USER_INDEX, row("u1", 0), row("u2", 1)));
    write(ctx, "item_index", frame(WorkSchemas.ITEM_INDEX, itemIndex));
    write(
        ctx,
        "als_user_factors",
        frame(WorkSchemas.FACTORS, row(0, List.of(1f, 0f)), row(1, List.of(0f, 1f))));
    write(ctx, "als_item_factors", frame(WorkSchemas.FACTORS, itemFactors));
    write(
        ctx,
        "cooc",
        frame(WorkSchemas.COOC, row("A", "C", 0.9), row("A", "D", 0.3), row("E", "D", 0.4)));
    write(
        ctx,
        "popularity",
        frame(
            WorkSchemas.POPULARITY,
            row("H", 100.0),
            row("A", 50.0),
            row("F", 40.0),
            row("G", 30.0),
            row("B", 20.0),
            row("C", 10.0)));
    ctx.fs()
        .writeStringAtomically(
            ctx.layout().work("model") + "/model.json",
            "{\"model_version\": \"m-1\", \"serving\": \""
                + serving
                + "\", \"blend_weight\": 0.5, \"blend_depth\": 30}");
  }

  private static void writeValidated(RunContext ctx, Source source, Dataset<Row> rows) {
    rows.write().parquet(ctx.layout().validated(source.folder(), RUN));
  }

  private static void write(RunContext ctx, String name, Dataset<Row> rows) {
    rows.write().parquet(ctx.layout().work(name));
  }

  private static Dataset<Row> staged(RunContext ctx) {
    return ctx.spark()
        .read()
        .parquet(ctx.layout().staged(ctx.layout().relativeTable("recommendations")));
  }
}
