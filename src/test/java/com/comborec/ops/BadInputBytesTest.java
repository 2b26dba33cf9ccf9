package com.comborec.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.DuckDb;
import com.comborec.TestSpark;
import com.comborec.cli.Main;
import com.comborec.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's bad bytes on a copy of data-samples, all in one ingest of 2011-07-31: a stray quote
 * before the item id on line 301, the bytes FF FE C3 28 after record 1's user id, and a misspelt
 * optional column ({@code qty}) in 2011-07-28's header. Before: the quote swallowed the 413 rows
 * after it (read 300 of 714, exit 0), and the bytes became a phantom user.
 */
class BadInputBytesTest {
  static final String DAY = "2011-07-31";
  @TempDir static Path tmp;
  static Path input;
  static Path output;
  static int exit;
  static String err;
  static Map<String, Object> manifest;

  @BeforeAll
  static void ingestTheDamagedCopy() throws IOException {
    input = tmp.resolve("in");
    output = tmp.resolve("out");
    copy(TestSpark.projectDir().resolve("data-samples"), input);
    Path events = input.resolve("events/dt=" + DAY + "/events.csv");
    List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
    // The "record 301" counts the header: line 301, data record 300.
    assertTrue(lines.get(300).contains(",21982,"), lines.get(300));
    lines.set(300, lines.get(300).replace(",21982,", ",\"21982,"));
    assertTrue(lines.get(1).startsWith("2011-07-31 10:28:00,16839,"), lines.get(1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 1) {
        int cut = line.indexOf("16839") + 5;
        bytes.writeBytes(line.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0x28});
        bytes.writeBytes(line.substring(cut).getBytes(StandardCharsets.UTF_8));
      } else {
        bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      }
      bytes.write('\n');
    }
    Files.write(events, bytes.toByteArray());
    Path misspelt = input.resolve("events/dt=2011-07-28/events.csv");
    String text = Files.readString(misspelt, StandardCharsets.UTF_8);
    Files.writeString(misspelt, text.replaceFirst(",quantity,", ",qty,"), StandardCharsets.UTF_8);

    StringWriter out = new StringWriter();
    exit = ingest(input, output, out);
    err = out.toString();
    manifest = Json.readMap(Files.readString(output.resolve("_manifests/dt=" + DAY + ".json")));
  }

  /** {@code run ingest --date DAY} as Main runs it, on {@code input} into {@code output}. */
  static int ingest(Path input, Path output, StringWriter err, String... sets) {
    TestSpark.session();
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "ingest",
                "--date",
                DAY,
                "--set",
                "input=\"" + input + "\"",
                "--set",
                "output=\"" + output + "\""));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    return Main.execute(new PrintWriter(err, true), args.toArray(String[]::new));
  }

  static Map<String, Object> day(String day) {
    return dayOf(manifest, day);
  }

  /** The manifest's figures of one day of events: read, accepted, rejected, by reason. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> dayOf(Map<String, Object> manifest, String day) {
    Map<String, Object> events =
        (Map<String, Object>) ((Map<String, Object>) manifest.get("inputs")).get("events");
    return (Map<String, Object>) ((Map<String, Object>) events.get("by_day")).get(day);
  }

  @Test
  void theStrayQuoteCostsOneRowAndTheRowsAfterItAreAccepted() {
    assertEquals(0, exit, err);
    Map<String, Object> d = day(DAY);
    assertEquals(714, ((Number) d.get("read")).intValue(), "every record read: " + d);
    assertEquals(
        Map.of("malformed_row", 1, "bad_encoding", 1, "unknown_item", 5),
        d.get("rejected_by_reason"),
        "one malformed row, one bad encoding, the sample's own unknown items");
    assertEquals(707, ((Number) d.get("accepted")).intValue(), "709 before, minus the two");
    try (DuckDb db = new DuckDb()) {
      List<Map<String, Object>> malformed =
          db.query(
              "SELECT record, first_line, line, detail FROM read_parquet('"
                  + output
                  + "/rejects/events/dt="
                  + DAY
                  + "/*.parquet') WHERE reason = 'malformed_row'");
      assertEquals(1, malformed.size(), malformed.toString());
      assertEquals(300L, malformed.get(0).get("record"));
      assertEquals(301L, malformed.get(0).get("first_line"));
      assertTrue(String.valueOf(malformed.get(0).get("line")).contains("\"21982,purchase"));
      long after =
          (Long)
              db.query(
                      "SELECT count(*) AS n FROM read_parquet('"
                          + output
                          + "/_work/validated/events/dt="
                          + DAY
                          + "/*.parquet') WHERE user_id = '14456' AND item_id = '21986'")
                  .get(0)
                  .get("n");
      assertEquals(1, after, "the row after the stray quote (record 301) is accepted");
    }
  }

  @Test
  void invalidUtf8IsRejectedAsBadEncodingAndNoPhantomUserIsValidated() {
    try (DuckDb db = new DuckDb()) {
      List<Map<String, Object>> bad =
          db.query(
              "SELECT record, line FROM read_parquet('"
                  + output
                  + "/rejects/events/dt="
                  + DAY
                  + "/*.parquet') WHERE reason = 'bad_encoding'");
      assertEquals(1, bad.size(), bad.toString());
      assertEquals(1L, bad.get(0).get("record"));
      assertTrue(
          String.valueOf(bad.get(0).get("line"))
              .startsWith("2011-07-31 10:28:00,16839\\xFF\\xFE\\xC3("),
          "raw bytes escaped: " + bad.get(0).get("line"));
      List<Map<String, Object>> phantom =
          db.query(
              "SELECT user_id FROM read_parquet('"
                  + output
                  + "/_work/validated/events/*/*.parquet') WHERE user_id LIKE '16839_%'");
      assertEquals(List.of(), phantom, "no phantom user");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyLineIsAccountedForAndTheMisspeltColumnIsWarnedAbout() {
    Map<String, Object> events =
        (Map<String, Object>) ((Map<String, Object>) manifest.get("inputs")).get("events");
    assertEquals(27922, ((Number) events.get("lines")).intValue(), "the sample's event lines");
    assertEquals(
        ((Number) events.get("read")).longValue(),
        ((Number) events.get("accepted")).longValue()
            + ((Number) events.get("rejected")).longValue());
    List<String> warnings = (List<String>) manifest.get("warnings");
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains("'qty'") && w.contains("'quantity'")),
        "warnings: " + warnings);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
