package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.InputFixture;
import com.comborec.TestSpark;
import com.comborec.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reject reason, each from one hand-made row, plus header matching (case, order, extra
 * column), a BOM, a gzip file and a quoted multi-line field, all in one ingest run.
 */
class IngestRulesTest {
  static final String DAY = "2026-11-27";
  @TempDir static Path root;
  static InputFixture fx;
  static InputFixture.Result result;

  @BeforeAll
  static void ingest() {
    fx =
        new InputFixture(root)
            .file(
                "products",
                "2026-11-01",
                "products.csv",
                "item_id,title,category,brand,price,cost,stock,active",
                "A,Apple,food > fruit,Acme,1.50,0.50,10,true",
                "B,\"Bread, \"\"sourdough\"\"",
                "two lines\",food>bakery,,2.00,,,",
                "C,Cheese,,,3.00,1.00,0,false",
                "A,Apple again,food,,1.0,,,true",
                "D,Dud,food,,abc,,,true",
                "E,Egg,food,,0,,,true",
                "F,Fig,food,,1.0,,,maybe",
                ",Nothing,food,,1.0,,,true")
            .file(
                "events",
                DAY,
                "events.csv",
                "\uFEFFUser_ID,Event_Time,item_id,EVENT_TYPE,quantity,unit_price,order_id,channel",
                "u1,2026-11-27T10:00:00Z,A,purchase,2,1.50,o1,web",
                ",2026-11-27 10:05:00,B,VIEW,,,,app",
                "u1,2026-11-27 10:00:00,A,purchase,1,1.5,o2,web,extra",
                "u1,2026-11-27 10:00:00,,purchase,1,1.5,o3,web",
                "u1,27/11/2026 10:00,A,purchase,1,1.5,o4,web",
                "u1,2026-11-27 10:00:00,A,purchase,two,1.5,o5,web",
                "u1,2026-11-27 10:00:00,A,purchase,0,1.5,o6,web",
                "u1,2026-11-27 10:00:00,A,purchased,1,1.5,o7,web",
                "u1,2026-11-27 10:00:00,ZZZ,purchase,1,1.5,o8,web",
                "u1,2026-11-28T00:00:01Z,A,purchase,1,1.5,o9,web",
                "u1,2026-11-27 10:00:00,A,purchase,1,-1,o10,=SUM(A1)")
            .gzip(
                "events",
                DAY,
                "more.csv.gz",
                "event_time,user_id,item_id,event_type,quantity,unit_price,order_id",
                "2026-11-27 11:00:00,u2,B,purchase,1,2.00,o11")
            .file(
                "users",
                "2026-11-01",
                "users.csv",
                "user_id,birth_year,gender,region,signup_date",
                "u1,1980,F,France,2020-01-01",
                "u2,1850,m,Spain,",
                "u3,abc,m,,",
                "u4,,,,2020-13-01",
                "u1,1990,m,,",
                ",1990,m,,")
            .file(
                "market",
                DAY,
                "market.csv",
                "date,category,demand_index,price_index",
                "2026-11-27,food,1.2,0.9",
                "2026-11-27,food,1.3,",
                "2026-11-27,,1.0,",
                "2026-11-27,toys,0,",
                "2026-11-27,toys2,x,",
                "2026-11-32,toys3,1.0,")
            .file(
                "feedback",
                DAY,
                "feedback.csv",
                "event_time,user_id,surface,item_id,bundle_id,action",
                "2026-11-27T09:00:00Z,u1,recommendations,A,,click",
                "2026-11-27T09:00:00Z,u1,email,A,,click",
                "2026-11-27T09:00:00Z,u1,bundles,,,click",
                "noon,u1,recommendations,A,,click",
                "2026-11-27T09:00:00Z,u1,recommendations,A,,like");
    result =
        fx.run(
            "run ingest",
            DAY,
            "gates.max-reject-ratio.events=1",
            "gates.max-reject-ratio.products=1",
            "gates.max-reject-ratio.users=1",
            "gates.max-reject-ratio.market=1",
            "gates.max-reject-ratio.feedback=1");
  }

  /** record number -> reason, for one source's rejects. */
  static Map<Long, String> reasons(String source, String partition) {
    Map<Long, String> out = new HashMap<>();
    for (Row r :
        TestSpark.session()
            .read()
            .parquet(fx.output + "/rejects/" + source + "/dt=" + partition)
            .select("record", "reason", "file")
            .collectAsList()) {
      out.put(r.getLong(0), r.getString(1));
    }
    return out;
  }

  @Test
  void runSucceeds() {
    assertEquals(0, result.exitCode(), result.err());
  }

  @Test
  void eventRejectsHaveOneReasonEach() {
    // Records are numbered from 1 after the header; record 1 and 2 are good.
    Map<Long, String> r = reasons("events", DAY);
    Map<Long, String> expected =
        Map.of(
            3L,
            "malformed_row",
            4L,
            "missing_required",
            5L,
            "bad_timestamp",
            6L,
            "bad_number",
            7L,
            "out_of_range",
            8L,
            "unknown_event_type",
            9L,
            "unknown_item",
            10L,
            "future_event",
            11L,
            "out_of_range");
    assertEquals(expected, r, "events rejects by record");
  }

  @Test
  void productRejects() {
    // Record 2 spans two physical lines but is one record.
    assertEquals(
        Map.of(
            4L,
            "duplicate_key",
            5L,
            "bad_number",
            6L,
            "out_of_range",
            7L,
            "bad_boolean",
            8L,
            "missing_required"),
        reasons("products", "2026-11-01"));
  }

  @Test
  void userRejects() {
    assertEquals(
        Map.of(
            2L,
            "out_of_range",
            3L,
            "bad_number",
            4L,
            "bad_timestamp",
            5L,
            "duplicate_key",
            6L,
            "missing_required"),
        reasons("users", "2026-11-01"));
  }

  @Test
  void marketAndFeedbackRejects() {
    assertEquals(
        Map.of(
            2L,
            "duplicate_key",
            3L,
            "missing_required",
            4L,
            "out_of_range",
            5L,
            "bad_number",
            6L,
            "bad_timestamp"),
        reasons("market", DAY));
    assertEquals(
        Map.of(2L, "out_of_range", 3L, "missing_required", 4L, "bad_timestamp", 5L, "out_of_range"),
        reasons("feedback", DAY));
  }

  @Test
  void acceptedRowsAreTypedAndNormalised() {
    List<Row> events =
        TestSpark.session()
            .read()
            .parquet(fx.output + "/_work/validated/events/dt=" + DAY)
            .orderBy("order_id")
            .collectAsList();
    assertEquals(3, events.size(), "accepted events: o1, the guest view, o11 from the gzip file");
    Row guest =
        events.stream().filter(r -> r.isNullAt(r.fieldIndex("order_id"))).findFirst().orElseThrow();
    assertTrue(guest.isNullAt(guest.fieldIndex("user_id")), "an empty user_id is a guest (null)");
    assertEquals("view", guest.getAs("event_type"), "event types are matched case-insensitively");
    assertEquals(1, (int) guest.getAs("quantity"), "quantity defaults to 1");
    Row bread =
        TestSpark.session()
            .read()
            .parquet(fx.output + "/_work/validated/products/dt=2026-11-01")
            .filter("item_id = 'B'")
            .first();
    assertEquals(
        "Bread, \"sourdough\"\ntwo lines", bread.getAs("title"), "multi-line quoted title");
    assertEquals("food > bakery", bread.getAs("category"), "category path normalised");
    Row cheese =
        TestSpark.session()
            .read()
            .parquet(fx.output + "/_work/validated/products/dt=2026-11-01")
            .filter("item_id = 'C'")
            .first();
    assertEquals("uncategorized", cheese.getAs("category"));
  }

  @Test
  void formulaLikeCellsAreKeptAsText() {
    Row r =
        TestSpark.session()
            .read()
            .parquet(fx.output + "/rejects/events/dt=" + DAY)
            .filter("record = 11")
            .first();
    assertTrue(
        r.<String>getAs("line").endsWith("=SUM(A1)"),
        "the raw record keeps the cell as text: " + r);
    assertTrue(r.<String>getAs("detail").contains("unit_price"), "detail names the column: " + r);
  }

  @Test
  void manifestCountsReconcileAndExtraColumnsAreCounted() throws Exception {
    Map<String, Object> m =
        Json.readMap(Files.readString(fx.output.resolve("_manifests/dt=" + DAY + ".json")));
    Map<?, ?> events = (Map<?, ?>) ((Map<?, ?>) m.get("inputs")).get("events");
    assertEquals(
        12, ((Number) events.get("read")).intValue(), "events read: 11 in the CSV, 1 in the gzip");
    assertEquals(3, ((Number) events.get("accepted")).intValue(), "events accepted");
    assertEquals(9, ((Number) events.get("rejected")).intValue(), "events rejected");
    long byReason =
        ((Map<?, ?>) events.get("rejected_by_reason"))
            .values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    assertEquals(9, byReason, "reasons add up to rejected");
    assertEquals(Map.of("channel", 1), events.get("extra_columns"));
    assertEquals(true, m.get("partial"), "a single-stage run is partial");
    assertFalse(Files.exists(fx.output.resolve("LATEST")), "a partial run never moves LATEST");
  }

  /**
   * With no room for rejects on the driver ({@code driver-rejects-mb = 0}) every source is read a
   * second time for its rejects: the same rejects, row for row, and the same counts.
   */
  @Test
  void rejectsFoundByASecondReadAreTheSameRows() throws Exception {
    Path again = root.resolve("out-second-read");
    InputFixture.Result second =
        fx.run(
            "run ingest",
            DAY,
            "output=\"" + again + "\"",
            "ingest.driver-rejects-mb=0",
            "gates.max-reject-ratio.events=1",
            "gates.max-reject-ratio.products=1",
            "gates.max-reject-ratio.users=1",
            "gates.max-reject-ratio.market=1",
            "gates.max-reject-ratio.feedback=1");
    assertEquals(0, second.exitCode(), second.err());
    for (String source : List.of("events", "products", "users", "market", "feedback")) {
      assertEquals(rejectRows(fx.output, source), rejectRows(again, source), source);
    }
    assertEquals(
        inputs(fx.output.resolve("_manifests/dt=" + DAY + ".json")),
        inputs(again.resolve("_manifests/dt=" + DAY + ".json")));
  }

  private static List<String> rejectRows(Path output, String source) {
    return TestSpark.session()
        .read()
        .parquet(output + "/rejects/" + source)
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  private static Object inputs(Path manifest) throws Exception {
    return Json.readMap(Files.readString(manifest)).get("inputs");
  }
}
