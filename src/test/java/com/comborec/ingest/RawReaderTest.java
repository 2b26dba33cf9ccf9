package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.ingest.csv.CsvLimits;
import com.comborec.ingest.csv.FileTally;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The rows one file becomes (without Spark), and how files are grouped into tasks. */
class RawReaderTest {
  static final CsvLimits LIMITS = new CsvLimits(50, 65536);
  static final List<String> HEADER = List.of("user_id", "event_time", "item_id", "event_type", "x");

  static RawReader.FileSpec spec(String path, List<String> header, long weight) {
    InputFile f = new InputFile(Source.EVENTS, LocalDate.of(2026, 11, 27), path, header);
    RawReader.FileSpec s = RawReader.FileSpec.of(f, Schemas.INPUT_COLUMNS.get(Source.EVENTS), 1);
    return new RawReader.FileSpec(s.path(), s.day(), s.fields(), s.columns(), weight);
  }

  static List<Row> rows(InputFileRows file) {
    List<Row> out = new ArrayList<>();
    for (Row r = file.next(); r != null; r = file.next()) {
      out.add(r);
    }
    return out;
  }

  @Test
  void recordsBecomeContractColumnsWithTraceColumns() {
    String csv =
        "User_ID,event_time,item_id,event_type,x\n"
            + " u1 ,2026-11-27 10:00:00,A,view,extra\n"
            + ",2026-11-27 10:01:00,\"B,\nC\",view,\n"
            + "broken,row\n";
    InputFileRows file = new InputFileRows(spec("e.csv", HEADER, 1), LIMITS);
    file.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    List<Row> rows = rows(file);
    // contract order: event_time, user_id, item_id, event_type, quantity, unit_price, order_id
    Row first = rows.get(0);
    assertEquals(
        Arrays.asList("2026-11-27 10:00:00", "u1", "A", "view", null, null, null),
        Arrays.asList(
            first.get(0),
            first.get(1),
            first.get(2),
            first.get(3),
            first.get(4),
            first.get(5),
            first.get(6)));
    int t = 7;
    assertNull(first.get(t), "no parse problem");
    assertEquals("e.csv", first.get(t + 2));
    assertEquals(1L, first.get(t + 3), "record number");
    assertEquals(2L, first.get(t + 4), "first line");
    assertEquals(1, first.get(t + 5), "lines");
    assertEquals(" u1 ,2026-11-27 10:00:00,A,view,extra", first.get(t + 6), "raw line");
    assertEquals("2026-11-27", first.get(t + 7), "partition day");
    Row second = rows.get(1);
    assertNull(second.get(1), "an empty user_id is null");
    assertEquals("B,\nC", second.get(2));
    assertEquals(2, second.get(t + 5), "a quoted line break: two lines");
    Row third = rows.get(2);
    assertEquals("malformed_row", third.get(t));
    assertEquals(5L, third.get(t + 4), "first line of the malformed record");
    FileTally tally = file.tally();
    assertEquals(new FileTally("e.csv", 5, 1, 3, 4, 0, null), tally);
    assertTrue(tally.linesReconcile());
  }

  @Test
  void aTruncatedGzipEndsTheFileWithAnErrorInsteadOfFailingTheTask() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
      for (int i = 0; i < 2000; i++) {
        csv.append("u").append(i).append(",2026-11-27 10:00:00,A,view,\n");
      }
      gz.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = buf.toByteArray();
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    InputFileRows file = new InputFileRows(spec("e.csv.gz", HEADER, 1), LIMITS);
    file.open(new ByteArrayInputStream(cut));
    rows(file);
    FileTally tally = file.tally();
    assertTrue(tally.error() != null && tally.error().contains("EOF"), tally.toString());
  }

  @Test
  void trimmingIsSparksSpacesOnlyAndEmptyIsNull() {
    assertEquals("a b", InputFileRows.trimmed("  a b  "));
    assertEquals("\tx\t", InputFileRows.trimmed("\tx\t"));
    assertNull(InputFileRows.trimmed("   "));
    assertNull(InputFileRows.trimmed(""));
  }

  @Test
  void binsKeepEachDayWholeAndBalanceBySize() {
    List<RawReader.FileSpec> files = new ArrayList<>();
    for (int d = 1; d <= 9; d++) {
      InputFile f =
          new InputFile(Source.EVENTS, LocalDate.of(2026, 11, d), "d" + d + "/a.csv", HEADER);
      RawReader.FileSpec s = RawReader.FileSpec.of(f, Schemas.INPUT_COLUMNS.get(Source.EVENTS), 10);
      files.add(s);
      if (d == 5) {
        files.add(
            RawReader.FileSpec.of(
                new InputFile(Source.EVENTS, LocalDate.of(2026, 11, d), "d5/b.csv", HEADER),
                Schemas.INPUT_COLUMNS.get(Source.EVENTS),
                10));
      }
    }
    List<List<RawReader.FileSpec>> bins = FileBins.of(files, 4);
    assertEquals(4, bins.size(), "bins: " + bins);
    assertEquals(10, bins.stream().mapToInt(List::size).sum(), "every file in one bin");
    for (List<RawReader.FileSpec> bin : bins) {
      assertTrue(bin.size() >= 2 && bin.size() <= 3, "balanced: " + bin.size());
    }
    long daysSplit =
        bins.stream().filter(b -> b.stream().anyMatch(f -> f.path().startsWith("d5/"))).count();
    assertEquals(1, daysSplit, "both files of day 5 in one bin");
    assertEquals(1, FileBins.of(files.subList(0, 1), 4).size());
  }
}
