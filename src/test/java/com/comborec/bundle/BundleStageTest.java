package com.comborec.bundle;

import static com.comborec.bundle.Frames.event;
import static com.comborec.bundle.Frames.product;
import static com.comborec.bundle.Frames.row;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestConfig;
import com.comborec.TestSpark;
import com.comborec.contract.Source;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.store.WorkSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;

/** The bundle stage end to end on a small work store, with the bundles computed by hand. */
class BundleStageTest {
  private static final LocalDate DAY = LocalDate.of(2024, 5, 10);

  /*
   * Products: A 10 (cost 4, kitchen), B 20 (no cost -> 14, kitchen), C 15 (cost 5, garden),
   * D 30 (stock 0: not sellable), E 8 (inactive). Segment 0 = {u1, u2}, segment 1 = {u3}.
   * Orders: u1 o1 A+C = 25; u2 o2 A+B+D = 60; u2 o3 C = 15; u3 o4 B = 20.
   * Seg 0: propensity A 1, C 1, B 0.5 (D not sellable) -> candidates A, C, B (tie A/C by id);
   *   baskets 15, 25, 60 -> p75 nearest rank ceil(2.25) = 3rd = 60. pair_stats A<->C lift 3 -> 2.
   *   Defaults: size 2..4, <= 2 per category, floor 10%, levels 0..15%, uplift 1,
   *   weights 1 / 0.02 / 0.001. Objective of a set at rate r:
   *   sum q * (1 + r) + 0.02 * affinity + 0.001 * (list * (1 - r) - cost); all rise with r, and
   *   every floor holds at 15% (e.g. {B,C}: 0.9 * 29.75 = 26.775 >= 19), so r = 0.15:
   *   {A,C,B}: 2.5*1.15 + 0.04 + 0.001*(38.25 - 23) = 2.93025   (list 45, price 38.25)
   *   {A,C}:   2.0*1.15 + 0.04 + 0.001*(21.25 - 9)  = 2.35225   (list 25, price 21.25)
   *   {C,B}:   1.5*1.15 + 0    + 0.001*(29.75 - 19) = 1.73575   ({A,B} only 1.7325)
   * Seg 1: only B is a candidate, min size 2 -> INFEASIBLE, no bundle.
   */
  @Test
  void stagesHandComputedBundlesAndReportsTheSolves() throws Exception {
    RunContext ctx = context();
    writeInputs(ctx);
    BundleResult result = new BundleStage().run(ctx);
    List<Row> rows =
        TestSpark.session()
            .read()
            .parquet(ctx.layout().staged(ctx.layout().relativeTable("bundles")))
            .orderBy("segment_id", "rank")
            .collectAsList();
    assertEquals(3, rows.size(), "bundle rows");
    assertRow(rows.get(0), 1, List.of("A", "C", "B"), 45, 38.25, 38.25 - 23, 2.0, 2.93025);
    assertRow(rows.get(1), 2, List.of("A", "C"), 25, 21.25, 21.25 - 9, 2.0, 2.35225);
    assertRow(rows.get(2), 3, List.of("C", "B"), 35, 29.75, 29.75 - 19, 0.0, 1.73575);
    BundleResult.Bundle b = result.bundle();
    assertEquals(3, b.solves().optimal(), "report optimal calls");
    assertEquals(1, b.solves().infeasible(), "report infeasible calls");
    assertEquals(2, b.segments(), "report segments");
    assertEquals(1, b.segmentsWithBundles(), "report segments with bundles");
  }

  private static void assertRow(
      Row r,
      int rank,
      List<String> items,
      double list,
      double price,
      double margin,
      double affinity,
      double objective) {
    String at = "rank " + rank + " ";
    assertEquals(0, r.<Integer>getAs("segment_id"), at + "segment_id");
    assertEquals(rank, r.<Integer>getAs("rank"), at + "rank");
    assertEquals(
        items,
        r.<Row>getList(r.fieldIndex("items")).stream()
            .map(i -> i.<String>getAs("item_id"))
            .toList(),
        at + "items");
    assertEquals(BundleIds.of(items), r.getAs("bundle_id"), at + "bundle_id");
    assertEquals(list, r.<Double>getAs("list_price"), 1e-9, at + "list_price");
    assertEquals(price, r.<Double>getAs("bundle_price"), 1e-9, at + "bundle_price");
    assertEquals(0.15, r.<Double>getAs("discount_rate"), 1e-12, at + "discount_rate");
    assertEquals(margin, r.<Double>getAs("expected_margin"), 1e-9, at + "expected_margin");
    assertEquals(affinity, r.<Double>getAs("affinity"), 1e-9, at + "affinity");
    assertEquals(objective, r.<Double>getAs("objective"), 1e-9, at + "objective");
    assertEquals("OPTIMAL", r.getAs("solver_status"), at + "solver_status");
  }

  private static RunContext context() throws Exception {
    Path root = Files.createTempDirectory("comborec-bundle-stage");
    ComboConfig config =
        TestConfig.defaults()
            .with("input=\"" + root.resolve("in") + "\"", "output=\"" + root.resolve("out") + "\"");
    RunContext ctx = new RunContext(TestSpark.session(), config, DAY, "bundle-stage-test");
    ctx.enterStage("bundle");
    return ctx;
  }

  private static void writeInputs(RunContext ctx) {
    write(
        Frames.products(
                product("A", 10, 4.0, null, true),
                product("B", 20, null, 9, null),
                product("C", 15, 5.0, 3, true),
                product("D", 30, 10.0, 0, true),
                product("E", 8, 2.0, null, false))
            .withColumn(
                "category",
                expr("CASE WHEN item_id IN ('C', 'D') THEN 'garden' ELSE 'kitchen' END")),
        ctx.layout().validated(Source.PRODUCTS.folder(), DAY));
    Dataset<Row> events =
        Frames.of(
            Frames.EVENTS,
            event("2024-05-01", "u1", "A", "purchase", 1, 10.0, "o1"),
            event("2024-05-01", "u1", "C", "purchase", 1, 15.0, "o1"),
            event("2024-05-01", "u2", "A", "purchase", 1, null, "o2"),
            event("2024-05-01", "u2", "B", "purchase", 1, null, "o2"),
            event("2024-05-01", "u2", "D", "purchase", 1, null, "o2"),
            event("2024-05-01", "u2", "C", "purchase", 1, 15.0, "o3"),
            event("2024-05-01", "u3", "B", "purchase", 1, 20.0, "o4"));
    // The validated store keeps dt in the partition folder name, not in the files.
    write(
        events.drop("dt"),
        ctx.layout().validated(Source.EVENTS.folder(), LocalDate.of(2024, 5, 1)));
    write(Frames.segments(row("u1", 0), row("u2", 0), row("u3", 1)), ctx.layout().work("segments"));
    write(
        Frames.of(
            WorkSchemas.PAIR_STATS,
            row("A", "C", 1L, 0.1, 0.5, 3.0),
            row("C", "A", 1L, 0.1, 0.5, 3.0)),
        ctx.layout().work("pair_stats"));
  }

  private static void write(Dataset<Row> rows, String path) {
    rows.write().mode(SaveMode.Overwrite).parquet(path);
  }
}
