package com.comborec.combos;

import static com.comborec.combos.Fixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestConfig;
import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The stage end to end on the six-basket fixture, from the validated store to staged tables. */
class CombosStageTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  static RunContext context(Path root) {
    ComboConfig config =
        TestConfig.defaults()
            .with("input=\"" + root.resolve("in") + "\"", "output=\"" + root.resolve("out") + "\"");
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
    assertEquals(3L, result.fbt().itemsWithCompanions(), "items with companions");
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
    assertEquals(3L, fbt.count(), "frequently_bought_together rows");
    assertEquals(
        4L,
        read(ctx, ctx.layout().staged("similar_items/dt=" + DAY.plusDays(1))).count(),
        "similar_items rows");
    assertEquals(2, ctx.staged().entries().size(), "staged tables");
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
