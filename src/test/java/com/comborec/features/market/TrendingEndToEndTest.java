package com.comborec.features.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.DuckDb;
import com.comborec.TestSpark;
import com.comborec.cli.Main;
import com.comborec.core.Json;
import com.comborec.generate.Generator;
import com.comborec.generate.GeneratorSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly run on a generated set with planted trend breaks: the market stage names rising
 * categories in the manifest, and the {@code trending} reason goes only to items whose category is
 * rising on the run day (read back with DuckDB from the published table and the item boosts).
 */
class TrendingEndToEndTest {
  @TempDir Path tmp;

  @Test
  void trendingOnlyForItemsOfRisingCategories() throws Exception {
    LocalDate from = LocalDate.of(2026, 6, 1);
    LocalDate day = from.plusDays(27);
    Path in = tmp.resolve("in");
    Path out = tmp.resolve("out");
    Generator.run(TestSpark.session(), GeneratorSpec.defaults(in.toString(), from, day)
        .withSeed(21).withUsers(150).withItems(120).withEvents(4_000).withMalformedFraction(0)
        .withMarketHistoryDays(28));
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(err, true), "nightly", "--date", day.toString(),
        "--set", "input=\"" + in + "\"", "--set", "output=\"" + out + "\"",
        "--set", "model.als.max-iter=5", "--set", "model.als.rank=8", "--set", "segment.max-iterations=10",
        // A strong boost, so that the market visibly moves items into lists.
        "--set", "market.boost-strength=3", "--set", "market.max-boost=3");
    assertEquals(0, code, err.toString());

    Map<String, Object> manifest = Json.readMap(Files.readString(out.resolve("_manifests/dt=" + day + ".json")));
    Map<?, ?> market = (Map<?, ?>) stageFigures(manifest, "market");
    assertFalse(((List<?>) market.get("rising")).isEmpty(), "planted breaks give rising categories: " + market);

    try (DuckDb db = new DuckDb()) {
      String items = "(SELECT r.item_id, r.reason FROM (SELECT unnest(items) AS r FROM read_parquet('"
          + out + "/recommendations/dt=" + day + "/*.parquet')))";
      String boosts = "read_parquet('" + out + "/_work/item_boosts/dt=" + day + "/*.parquet')";
      long trending = db.count("SELECT count(*) FROM " + items + " WHERE reason = 'trending'");
      long notRising = db.count("SELECT count(*) FROM " + items + " i LEFT JOIN " + boosts
          + " b USING (item_id) WHERE i.reason = 'trending' AND coalesce(b.rising, false) = false");
      System.out.printf("trending items in lists: %d; of them outside rising categories: %d%n", trending, notRising);
      assertTrue(trending > 0, "a boost of up to 3x moves some rising items into lists");
      assertEquals(0, notRising, "trending only for items of rising categories");
    }
  }

  /** The manifest's figures of one stage: {stages: {name: {...}}} or a top-level section. */
  private static Object stageFigures(Map<String, Object> manifest, String name) {
    Object top = manifest.get(name);
    return top != null ? top : ((Map<?, ?>) manifest.get("stages")).get(name);
  }
}
