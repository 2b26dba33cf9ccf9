package com.comborec.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.contract.InputColumn;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated set honours the contract: headers, RFC 4180, the events total, and planted bad rows
 * that an independent reading of the rules finds exactly (one broken rule per bad row).
 */
class GeneratorContractTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final LocalDate FROM = LocalDate.of(2026, 2, 26);

  @TempDir static Path tmp;
  private static Path root;
  private static GeneratorResult result;

  @BeforeAll
  static void generate() {
    root = tmp.resolve("set");
    // 26 Feb .. 2 Mar: crosses a month end; 20k events in files of 2,000 rows.
    result =
        Generator.run(
            SPARK,
            GeneratorSpec.defaults(root.toString(), FROM, FROM.plusDays(4))
                .withSeed(11)
                .withUsers(800)
                .withItems(300)
                .withEvents(20_000)
                .withEventsPerFile(2_000)
                .withMalformedFraction(0.003)
                .withMarketHistoryDays(2)
                .withUsersEveryDays(2));
  }

  @Test
  void everyFileHasTheContractHeader() {
    for (Source source : Source.values()) {
      List<Path> files = GeneratedSet.csvFiles(root, source.folder());
      assertTrue(!files.isEmpty(), "no files for " + source.folder());
      String header =
          Schemas.INPUT_COLUMNS.get(source).stream()
              .map(InputColumn::name)
              .collect(Collectors.joining(","));
      for (Path f : files) {
        assertEquals(header, GeneratedSet.firstLine(f), "header of " + root.relativize(f));
      }
    }
  }

  @Test
  void eventsAddUpToTheTargetAndPartitionsCoverEveryDay() {
    assertEquals(
        20_000L, result.records().get("events"), "events records (planted bad rows included)");
    // About 4,000 events a day in files of at most 2,000 records: 2 or 3 files on each of 5 days.
    Map<LocalDate, Long> filesPerDay = new TreeMap<>();
    for (Path f : GeneratedSet.csvFiles(root, "events")) {
      filesPerDay.merge(day(f), 1L, Long::sum);
      assertTrue(records(f).size() <= 2_000, "records in " + root.relativize(f));
    }
    assertEquals(5, filesPerDay.size(), "days with events: " + filesPerDay.keySet());
    filesPerDay.forEach((d, n) -> assertTrue(n >= 2 && n <= 3, "events files on " + d + ": " + n));
    // Users snapshots on days 0, 2 and 4; market for 2 history days plus the 5 days.
    assertEquals(3, GeneratedSet.csvFiles(root, "users").size(), "users snapshots");
    assertEquals(7, GeneratedSet.csvFiles(root, "market").size(), "market days");
    assertEquals(5, GeneratedSet.csvFiles(root, "products").size(), "products snapshots");
  }

  @Test
  void truthRejectsMatchAnIndependentReadingOfTheRules() {
    Map<String, Map<String, Long>> found = new TreeMap<>();
    found.put("events", countEvents());
    found.put("products", countSnapshots("products"));
    found.put("users", countSnapshots("users"));
    found.put("market", countFiles("market"));
    found.put("feedback", countFiles("feedback"));
    for (Map.Entry<String, Map<String, Long>> e : result.plantedRejects().entrySet()) {
      for (Map.Entry<String, Long> reason : e.getValue().entrySet()) {
        assertTrue(reason.getValue() > 0, "no " + reason.getKey() + " planted in " + e.getKey());
      }
      Map<String, Long> planted = new TreeMap<>(e.getValue());
      assertEquals(planted, found.get(e.getKey()), "rejects of " + e.getKey() + ": truth vs rules");
    }
  }

  @Test
  void rejectsJsonHoldsThePlantedCounts() {
    Row json =
        SPARK
            .read()
            .option("multiLine", true)
            .json(root.resolve("truth/rejects.json").toString())
            .first();
    for (Map.Entry<String, Map<String, Long>> e : result.plantedRejects().entrySet()) {
      Row source = json.getStruct(json.fieldIndex(e.getKey()));
      for (Map.Entry<String, Long> reason : e.getValue().entrySet()) {
        assertEquals(
            reason.getValue(),
            source.getLong(source.fieldIndex(reason.getKey())),
            "rejects.json " + e.getKey() + "." + reason.getKey());
      }
    }
  }

  @Test
  void sparkReadsQuotedTitlesWithCommasQuotesAndLineBreaks() {
    Path products = root.resolve("products/dt=" + FROM + "/products.csv");
    List<Row> rows =
        SPARK
            .read()
            .option("header", true)
            .option("multiLine", true)
            .option("escape", "\"")
            .csv(products.toString())
            .collectAsList();
    long records = Rfc4180.parse(GeneratedSet.text(products)).size() - 1;
    assertEquals(records, rows.size(), "Spark's record count of " + products.getFileName());
    Set<String> titles =
        rows.stream().map(r -> r.getString(1)).filter(t -> t != null).collect(Collectors.toSet());
    assertTrue(titles.stream().anyMatch(t -> t.contains("\n")), "a title with a line break");
    assertTrue(titles.stream().anyMatch(t -> t.contains("\"")), "a title with a quote");
    assertTrue(titles.stream().anyMatch(t -> t.contains(",")), "a title with a comma");
  }

  @Test
  void anExistingSetIsNotOverwrittenUnlessAsked() {
    com.comborec.core.ComborecException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            com.comborec.core.ComborecException.class,
            () -> Generator.run(SPARK, GeneratorSpec.defaults(root.toString(), FROM, FROM)));
    assertTrue(e.getMessage().contains("already holds"), e.getMessage());
  }

  private static Map<String, Long> countEvents() {
    Map<String, Long> out = new TreeMap<>();
    for (Path f : GeneratedSet.csvFiles(root, "events")) {
      LocalDate dt = day(f);
      Set<String> catalog = acceptedItems(dt);
      for (List<String> r : records(f)) {
        tally(out, ReferenceRules.event(r, dt, catalog), f, r);
      }
    }
    return out;
  }

  private static Map<String, Long> countSnapshots(String source) {
    Map<String, Long> out = new TreeMap<>();
    for (Path f : GeneratedSet.csvFiles(root, source)) {
      Set<String> seen = new HashSet<>();
      for (List<String> r : records(f)) {
        tally(
            out,
            source.equals("products")
                ? ReferenceRules.product(r, seen)
                : ReferenceRules.user(r, seen, day(f).getYear()),
            f,
            r);
      }
    }
    return out;
  }

  private static Map<String, Long> countFiles(String source) {
    Map<String, Long> out = new TreeMap<>();
    for (Path f : GeneratedSet.csvFiles(root, source)) {
      for (List<String> r : records(f)) {
        tally(
            out,
            source.equals("market") ? ReferenceRules.market(r) : ReferenceRules.feedback(r),
            f,
            r);
      }
    }
    return out;
  }

  private static void tally(
      Map<String, Long> out, List<String> broken, Path file, List<String> record) {
    assertTrue(
        broken.size() <= 1,
        "more than one rule broken " + broken + " in " + root.relativize(file) + ": " + record);
    broken.forEach(reason -> out.merge(reason, 1L, Long::sum));
  }

  /** Item ids of the day's snapshot rows that break no rule. */
  private static Set<String> acceptedItems(LocalDate dt) {
    Set<String> seen = new HashSet<>();
    for (List<String> r : records(root.resolve("products/dt=" + dt + "/products.csv"))) {
      ReferenceRules.product(r, seen);
    }
    return seen;
  }

  private static List<List<String>> records(Path f) {
    List<List<String>> all = Rfc4180.parse(GeneratedSet.text(f));
    return all.subList(1, all.size());
  }

  private static LocalDate day(Path f) {
    return LocalDate.parse(f.getParent().getFileName().toString().substring(3));
  }
}
