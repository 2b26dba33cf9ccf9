package com.comborec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.cli.Main;
import com.comborec.core.Json;
import com.comborec.generate.Generator;
import com.comborec.generate.GeneratorSpec;
import com.comborec.responsible.LogCapture;
import com.comborec.responsible.RawIdScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One nightly run on a generated set with planted trend breaks, with pseudonymisation on, read back
 * with DuckDB: the market stage names rising categories in the manifest, the {@code trending}
 * reason goes only to items whose category is rising on the run day, and no raw user id is left in
 * any published file or in the run's log.
 */
class GeneratedNightlyEndToEndTest {
  static final LocalDate FROM = LocalDate.of(2026, 6, 1);
  static final LocalDate DAY = FROM.plusDays(27);
  static final String KEY = "generated-e2e-key-0123456789abcdef0123";
  @TempDir static Path tmp;
  static Path in;
  static Path out;
  static int code;
  static String err;
  static String log;

  @BeforeAll
  static void generateAndRunOneNight() throws IOException {
    in = tmp.resolve("in");
    out = tmp.resolve("out");
    Generator.run(
        TestSpark.session(),
        GeneratorSpec.defaults(in.toString(), FROM, DAY)
            .withSeed(21)
            .withUsers(150)
            .withItems(120)
            .withEvents(4_000)
            .withMalformedFraction(0)
            .withMarketHistoryDays(28));
    Files.writeString(tmp.resolve("key"), KEY + "\n");
    StringWriter errors = new StringWriter();
    try (LogCapture capture = new LogCapture()) {
      code =
          Main.execute(
              new PrintWriter(errors, true),
              "nightly",
              "--date",
              DAY.toString(),
              "--set",
              "input=\"" + in + "\"",
              "--set",
              "output=\"" + out + "\"",
              "--set",
              "model.als.max-iter=5",
              "--set",
              "model.als.rank=8",
              "--set",
              "segment.max-iterations=10",
              // A strong boost, so that the market visibly moves items into lists.
              "--set",
              "market.boost-strength=3",
              "--set",
              "market.max-boost=3",
              "--set",
              "privacy.pseudonymize=true",
              "--set",
              "privacy.key-file=\"" + tmp.resolve("key") + "\"");
      log = capture.text();
    }
    err = errors.toString();
  }

  @Test
  void runPublishes() {
    assertEquals(0, code, err);
  }

  @Test
  void manifestNamesRisingCategories() throws IOException {
    Map<String, Object> manifest =
        Json.readMap(Files.readString(out.resolve("_manifests/dt=" + DAY + ".json")));
    Object market = manifest.get("market");
    assertTrue(market instanceof Map<?, ?>, "market section in the manifest: " + manifest.keySet());
    assertFalse(
        ((List<?>) ((Map<?, ?>) market).get("rising")).isEmpty(), "planted breaks: " + market);
  }

  @Test
  void trendingOnlyForItemsOfRisingCategories() {
    try (DuckDb db = new DuckDb()) {
      String items =
          "(SELECT r.item_id, r.reason FROM (SELECT unnest(items) AS r FROM read_parquet('"
              + out
              + "/recommendations/dt="
              + DAY
              + "/*.parquet')))";
      String boosts = "read_parquet('" + out + "/_work/item_boosts/dt=" + DAY + "/*.parquet')";
      long trending = db.count("SELECT count(*) FROM " + items + " WHERE reason = 'trending'");
      long notRising =
          db.count(
              "SELECT count(*) FROM "
                  + items
                  + " i LEFT JOIN "
                  + boosts
                  + " b USING (item_id) WHERE i.reason = 'trending' AND coalesce(b.rising, false) ="
                  + " false");
      System.out.printf(
          "trending items in lists: %d; of them outside rising categories: %d%n",
          trending, notRising);
      assertTrue(trending > 0, "a boost of up to 3x moves some rising items into lists");
      assertEquals(0, notRising, "trending only for items of rising categories");
    }
  }

  /**
   * Every generated user id (U + 7 digits, so no id is a substring of another) is looked for in
   * every published Parquet row and text file (the work store is internal and left out) and in
   * every log line the run printed at INFO and above.
   */
  @Test
  void noRawUserIdInPublishedFilesOrTheLog() throws IOException {
    Set<String> ids = generatedUserIds();
    assertTrue(ids.size() >= 100, "ids to look for: " + ids.size());
    List<RawIdScanner.Finding> found = new java.util.ArrayList<>();
    try (var tables = Files.list(out)) {
      for (Path entry : tables.filter(p -> !p.getFileName().toString().equals("_work")).toList()) {
        if (Files.isDirectory(entry)) {
          found.addAll(RawIdScanner.scan(entry, ids));
        } else if (!entry.getFileName().toString().endsWith(".crc")) { // LATEST
          found.addAll(
              RawIdScanner.scanString(
                  entry.toString(),
                  new String(Files.readAllBytes(entry), java.nio.charset.StandardCharsets.UTF_8),
                  ids));
        }
      }
    }
    assertEquals(List.of(), found, "raw ids in published files");
    assertTrue(log.contains("pseudonymised"), "the log says pseudonymisation ran");
    assertEquals(List.of(), RawIdScanner.scanString("log", log, ids), "raw ids in the log");
    try (DuckDb db = new DuckDb()) {
      assertTrue(
          db.count(
                  "SELECT count(*) FROM read_parquet('"
                      + out
                      + "/recommendations/dt="
                      + DAY
                      + "/*.parquet') WHERE length(user_id) = 32")
              > 0,
          "recommendations are keyed by 32-hex pseudonyms");
    }
  }

  static Set<String> generatedUserIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (var files = Files.walk(in.resolve("users"))) {
      for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
          String id = line.split(",", 2)[0].trim();
          if (id.matches("U\\d{7}")) {
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }

  @Test
  void everyManifestMatchesTheDocumentedSchema() {
    ManifestSchema.assertAllValid(out);
  }
}
