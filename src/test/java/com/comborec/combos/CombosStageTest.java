package com.comborec.combos;

import static com.comborec.combos.Fixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.ManifestSchema;
import com.comborec.TestConfig;
import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.core.ComboConfig;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The stage end to end on the six-basket fixture, from the validated store to staged tables. */
class CombosStageTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  static RunContext context(Path root, String... overrides) {
    ComboConfig config =
        TestConfig.defaults()
            .with("input=\"" + root.resolve("in") + "\"", "output=\"" + root.resolve("out") + "\"")
            .with(overrides);
    RunContext ctx = new RunContext(TestSpark.session(), config, DAY.plusDays(1), "test-run");
    ctx.enterStage("combos");
    return ctx;
  }

  static void store(RunContext ctx, Dataset<Row> events, Dataset<Row> products) {
    events
        .drop("dt")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(ctx.layout().validated("events", DAY));
    products.write().mode(SaveMode.Overwrite).parquet(ctx.layout().validated("products", DAY));
  }

  static Dataset<Row> read(RunContext ctx, String path) {
    return TestSpark.session().read().parquet(path);
  }

  @Test
  void writesWorkDatasetsStagesTablesAndReports() throws Exception {
    RunContext ctx = context(Files.createTempDirectory("combos-stage"));
    store(
        ctx,
        FrequentlyBoughtTogetherTest.sixBaskets(),
        Fixtures.products(
            List.of(
                product("A", "Chef knife", "Home > Kitchen", "Blade", 40.0, null, null),
                product("B", "Paring knife", "Home > Kitchen", "Blade", 15.0, null, null),
                product("C", "Frying pan", "Home > Kitchen", "Pyro", 50.0, null, null),
                product("D", "Garden hose", "Home > Garden", "Greeny", 20.0, 0, null))));
    CombosResult.Combos result = new CombosStage().run(ctx).combos();
    // Defaults: min-baskets 2, min-lift 1 -> AB (lift 1.125), AC, BC (lift exactly 1), both ways.
    assertEquals(6L, result.fbt().pairsKept(), "pairs kept");
    assertEquals(6L, result.fbt().baskets(), "baskets");
    assertEquals(0L, result.fbt().cappedBaskets(), "capped baskets");
    // D's pairs fall below the minimums; its list is filled with the popular A, B, C.
    assertEquals(4L, result.fbt().itemsWithCompanions(), "items with companions");
    // All six baskets are of the run's last 28 days: nothing to mine before them.
    CombosResult.Order order = result.fbt().order();
    assertEquals("confidence", order.published(), "published ordering");
    assertEquals("not_measured", order.reason(), "reason");
    assertEquals(0L, order.measurement().trainingBaskets(), "training baskets");
    assertEquals(
        Set.of(),
        ManifestSchema.problems(manifestWith(new CombosResult(result))),
        "manifest schema");
    assertEquals("exact", result.similar().method(), "similar method");
    assertEquals(6L, read(ctx, ctx.layout().work("pair_stats")).count(), "pair_stats rows");
    // Each of 4 items gets the 3 others except D (out of stock): 3 items x 2 + D x 3 = 9 rows.
    assertEquals(9L, read(ctx, ctx.layout().work("similar")).count(), "similar rows");
    Dataset<Row> fbt =
        read(ctx, ctx.layout().staged("frequently_bought_together/dt=" + DAY.plusDays(1)));
    assertEquals(
        List.of(),
        Schemas.mismatches(Schemas.FREQUENTLY_BOUGHT_TOGETHER, fbt.schema()),
        "fbt schema");
    assertEquals(4L, fbt.count(), "frequently_bought_together rows");
    // Confidence: A>B 3/4, A>C 2/4; D gets the popular sellable items (A 4, B 4, C 3 baskets).
    assertEquals("1:B,2:C", CompanionsTest.lists(fbt).get("A"), "A");
    assertEquals("1:A,2:B,3:C", CompanionsTest.lists(fbt).get("D"), "D");
    assertEquals(
        4L,
        read(ctx, ctx.layout().staged("similar_items/dt=" + DAY.plusDays(1))).count(),
        "similar_items rows");
    assertEquals(2, ctx.staged().entries().size(), "staged tables");
  }

  @Test
  void publishesTheOrderingMeasuredBestOnAllBasketsOfTheWindow() throws Exception {
    RunContext ctx =
        context(
            Files.createTempDirectory("combos-auto"),
            "combos.fbt.min-baskets=1",
            "combos.fbt.min-lift=0",
            "combos.fbt.eval-k=1");
    store(ctx, FbtMeasureTest.events(), FbtMeasureTest.products());
    CombosResult.Combos result = new CombosStage().run(ctx).combos();
    CombosResult.Order order = result.fbt().order();
    // FbtMeasureTest's figures, with fill: confidence 6, the other orderings 7, popularity 4 of 11.
    assertEquals("lift", order.published(), "the first of the best orderings");
    assertEquals("best_measured", order.reason(), "reason");
    CombosResult.Measurement m = order.measurement();
    assertEquals("2026-02-03", m.heldOutFrom(), "28 days up to the run day 2026-03-02");
    assertEquals(
        List.of(9L, 6L, 11L), List.of(m.trainingBaskets(), m.heldOutBaskets(), m.anchorPairs()));
    assertEquals(round(6 / 11.0), m.hitRateAtK().get("confidence"), "confidence");
    assertEquals(round(7 / 11.0), m.hitRateAtK().get("lift"), "lift");
    assertEquals(round(4 / 11.0), m.hitRateAtK().get("popularity"), "popularity");
    assertEquals(1.75, m.ratioToPopularity().get("lift"), "lift / popularity");
    // Published from all 16 baskets: A 6, B 8, R 3, Q 1. A>R 3 baskets, lift 3*16/(6*3) = 8/3;
    // A>Q 1 basket, 1*16/(6*1) = 8/3 (fewer baskets: after R); A>B 3*16/(6*8) = 1; then the most
    // popular item not listed: C (5 baskets).
    String a = CompanionsTest.lists(fbt(ctx)).get("A");
    assertEquals("1:R,2:Q,3:B,4:C", a.substring(0, "1:R,2:Q,3:B,4:C".length()), "A: " + a);
    assertEquals(
        Set.of(),
        ManifestSchema.problems(manifestWith(new CombosResult(result))),
        "manifest schema");
  }

  @Test
  void publishesPopularityCompanionsWhenNoOrderingBeatsThem() throws Exception {
    RunContext ctx =
        context(
            Files.createTempDirectory("combos-popular"),
            "combos.fbt.fill-popular=false",
            "combos.fbt.eval-k=1");
    store(ctx, FbtMeasureTest.events(), FbtMeasureTest.products());
    CombosResult.Order order = new CombosStage().run(ctx).combos().fbt().order();
    // Default minimums keep only A<>B (2 training baskets, lift 1.2): A>B and B>A hit h1 (2 of
    // 11) and no other anchor has a list; popularity hits 4.
    assertEquals("popularity", order.published(), "published");
    assertEquals("popularity_not_beaten", order.reason(), "reason");
    assertEquals(round(2 / 11.0), order.measurement().hitRateAtK().get("confidence"), "conf");
    assertTrue(order.filled(), "popularity lists are popular items");
    // Every bought item gets the most popular of all 16 baskets, itself excluded: B 8, A 6, C 5.
    Map<String, String> lists = CompanionsTest.lists(fbt(ctx));
    assertEquals(9, lists.size(), "every item bought: " + lists.keySet());
    assertTrue(lists.get("A").startsWith("1:B,2:C,"), "A: " + lists.get("A"));
    assertTrue(lists.get("Z").startsWith("1:B,2:A,3:C,"), "Z: " + lists.get("Z"));
  }

  static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  static Dataset<Row> fbt(RunContext ctx) {
    return read(ctx, ctx.layout().staged("frequently_bought_together/dt=" + DAY.plusDays(1)));
  }

  /** A minimal manifest holding the stage's result, as ManifestWriter merges it. */
  static JsonNode manifestWith(CombosResult result) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode m =
        (ObjectNode)
            json.readTree(
                """
                {"schema_version": "1.0", "run_date": "2026-03-02", "run_id": "test-run",
                 "status": "published", "exit_code": 0, "message": null, "partial": true,
                 "started_at": "2026-03-03T01:00:00Z", "ended_at": "2026-03-03T01:00:05Z",
                 "stages": [], "outputs": {}, "config": {}}
                """);
    m.setAll((ObjectNode) json.valueToTree(Json.tree(result)));
    return m;
  }

  @Test
  void emptyInputsGiveEmptyTables() throws Exception {
    RunContext ctx = context(Files.createTempDirectory("combos-empty"));
    SparkSession spark = TestSpark.session();
    store(ctx, spark.createDataFrame(List.of(), Fixtures.EVENTS), Fixtures.products(List.of()));
    CombosResult.Combos result = new CombosStage().run(ctx).combos();
    assertEquals(0L, result.fbt().baskets(), "baskets");
    assertEquals(0L, result.similar().items(), "similar items");
    assertEquals(2, ctx.staged().entries().size(), "staged tables");
  }
}
