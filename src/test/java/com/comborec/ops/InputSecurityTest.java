package com.comborec.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.DuckDb;
import com.comborec.InputFixture;
import com.comborec.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Untrusted inputs: paths that escape their root or use a scheme outside the allow-list are refused
 * with exit 2 before Spark starts (for input, output and work), and CSV cells that spreadsheets
 * would run as formulas (=, +, -, @) are kept as plain strings, byte for byte, in validated data
 * and rejects.
 */
class InputSecurityTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "work escapes           | work=\"target/x/../../../etc\"          | comborec.work",
        "work bad scheme        | work=\"ftp://host/work\"                | comborec.work",
        "work http              | work=\"http://host/work\"               | comborec.work",
        "file URI input escapes | input=\"file:///data/../etc\"           | comborec.input",
        "file URI output        | output=\"file:/tmp/out/../../etc\"      | comborec.output",
        "hdfs URI escapes       | output=\"hdfs://nn:8020/a/../../b\"     | comborec.output",
        "s3a URI escapes        | work=\"s3a://bucket/w/../../other\"     | comborec.work",
        "backslash escapes      | input=\"data\\\\..\\\\..\\\\etc\"       | comborec.input",
        "backslash in URI       | output=\"file:///out\\\\..\\\\etc\"     | comborec.output",
        "leading dots           | output=\"../outside\"                   | comborec.output",
        "upper-case scheme      | input=\"FTP://host/in\"                 | comborec.input",
        "jar scheme             | input=\"jar:file:/x.jar!/data\"         | comborec.input",
        "NUL character          | output=\"/tmp/out\\u0000/x\"            | comborec.output",
      })
  void refusedWithExit2NamingTheKey(String name, String override, String key) {
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new PrintWriter(err, true),
            "nightly",
            "--date",
            "2011-07-31",
            "--set",
            "input=\"data-samples\"",
            "--set",
            "output=\"target/security-test-out\"",
            "--set",
            override);
    assertEquals(2, code, name + ": " + err);
    assertTrue(err.toString().contains(key), name + ": the message names " + key + ": " + err);
  }

  /** The run day and the stage name become path segments: neither may carry a path. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "day with a path   | nightly --date 2011-07-31/../../etc",
        "stage with a path | run ../ingest --date 2011-07-31",
        "finalize bad day  | finalize --date ../2011-07-31",
      })
  void pathsInArgumentsAreRefusedWithExit2(String name, String commandLine) {
    StringWriter err = new StringWriter();
    assertEquals(
        2, Main.execute(new PrintWriter(err, true), commandLine.split(" ")), name + ": " + err);
  }

  static final String DAY = "2026-11-27";

  /**
   * Products and events whose text cells start with =, +, - and @. Two events are valid; one has
   * quantity '=1+1' (bad_number) and one event_type '=cmd' (unknown_event_type).
   */
  static InputFixture formulaCells(Path root) {
    return new InputFixture(root)
        .file(
            "products",
            "2026-11-01",
            "p.csv",
            "item_id,title,category,brand,price,cost,stock,active",
            "A,=1+2,kitchen,@brand,2.0,,,",
            "@SUM(A1),\"-cmd|' /C calc'!A0\",x,+b,3.0,,,")
        .file(
            "events",
            DAY,
            "e.csv",
            "event_time,user_id,item_id,event_type,quantity,unit_price,order_id",
            "2026-11-27 10:00:00,\"=HYPERLINK(\"\"http://x\"\")\",A,purchase,1,2.0,+1+2",
            "2026-11-27 10:01:00,-2+3,@SUM(A1),view,,,@order",
            "2026-11-27 10:02:00,+44,A,purchase,=1+1,2.0,o2",
            "2026-11-27 10:03:00,@user,A,=cmd,1,2.0,o3");
  }

  @Test
  void formulaLikeCellsStayStringsInValidatedDataAndRejects(@TempDir Path root) {
    InputFixture fx = formulaCells(root);
    InputFixture.Result r = fx.run("run ingest", DAY);
    assertEquals(0, r.exitCode(), r.err());
    try (DuckDb db = new DuckDb()) {
      assertEquals(
          List.of(
              Map.of(
                  "user_id", "-2+3", "item_id", "@SUM(A1)", "order_id", "@order", "t", "VARCHAR"),
              Map.of(
                  "user_id",
                  "=HYPERLINK(\"http://x\")",
                  "item_id",
                  "A",
                  "order_id",
                  "+1+2",
                  "t",
                  "VARCHAR")),
          db.query(
              "SELECT user_id, item_id, order_id, typeof(user_id) AS t FROM read_parquet('"
                  + fx.output
                  + "/_work/validated/events/dt="
                  + DAY
                  + "/*.parquet') ORDER BY user_id"),
          "validated events");
      assertEquals(
          List.of(
              Map.of("item_id", "@SUM(A1)", "title", "-cmd|' /C calc'!A0", "brand", "+b"),
              Map.of("item_id", "A", "title", "=1+2", "brand", "@brand")),
          db.query(
              "SELECT item_id, title, brand FROM read_parquet('"
                  + fx.output
                  + "/_work/validated/products/dt=2026-11-01/*.parquet') ORDER BY item_id"),
          "validated products");
      List<Map<String, Object>> rejects =
          db.query(
              "SELECT reason, line, detail FROM read_parquet('"
                  + fx.output
                  + "/rejects/events/dt="
                  + DAY
                  + "/*.parquet') ORDER BY reason");
      assertEquals(2, rejects.size(), "event rejects: " + rejects);
      assertEquals("bad_number", rejects.get(0).get("reason"));
      assertEquals(
          "2026-11-27 10:02:00,+44,A,purchase,=1+1,2.0,o2",
          rejects.get(0).get("line"),
          "raw line kept");
      assertTrue(
          String.valueOf(rejects.get(0).get("detail")).contains("'=1+1'"),
          "detail: " + rejects.get(0));
      assertEquals("unknown_event_type", rejects.get(1).get("reason"));
      assertEquals(
          "2026-11-27 10:03:00,@user,A,=cmd,1,2.0,o3", rejects.get(1).get("line"), "raw line kept");
    }
  }
}
