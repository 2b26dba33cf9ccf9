package com.comborec.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.comborec.contract.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of a valid events file (quotes, commas, line breaks and bytes inserted or
 * deleted, truncation), each split and checked: no exception; every physical line in exactly one
 * record or blank; no record over the bounds; and every valid record outside the records that hold
 * the mutation comes out intact, at its (shifted) line. A failure prints the seed and mutation.
 */
class CsvFuzzTest {
  static final int CASES = 3000;
  static final long SEED = 20111731L;
  static final String HEADER = "event_time,user_id,item_id,event_type,quantity,unit_price,order_id";
  static final int FIELDS = 7;

  /**
   * A valid record: its fields, its bytes [start, end) (terminator excluded), the end of its
   * terminator, and where it lies.
   */
  record Rec(List<String> fields, int start, int end, int term, int firstLine, int lines) {}

  /** A valid file and its records. */
  record Valid(byte[] bytes, List<Rec> records) {}

  /** A mutated file: bytes touched are [at, at + inserted) in its coordinates. */
  record Mutation(String kind, byte[] bytes, int at, int inserted, boolean truncated, int delta) {}

  @Test
  void mutatedFilesNeverLoseAValidRowOutsideTheMutatedRecord() {
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
    int overflows = 0;
    long t0 = System.nanoTime();
    for (int c = 0; c < CASES; c++) {
      long seed = SEED + c;
      Random rnd = new Random(seed);
      Valid valid = validFile(rnd);
      Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
      Mutation m = mutate(valid, kind, rnd);
      CsvLimits limits = new CsvLimits(2 + rnd.nextInt(8), 120 + rnd.nextInt(400));
      try {
        List<CsvRecord> out = check(valid, m, limits);
        kinds.merge(kind, 1, Integer::sum);
        for (CsvRecord r : out) {
          if (!r.ok()) {
            reasons.merge(r.problem(), 1, Integer::sum);
            overflows += r.detail().contains("max-record") ? 1 : 0;
          }
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "case "
                + c
                + " (seed "
                + seed
                + ", "
                + m.kind()
                + " at byte "
                + m.at()
                + ", limits "
                + limits
                + "): "
                + e.getMessage()
                + "\n--- mutated file ---\n"
                + new String(m.bytes(), StandardCharsets.ISO_8859_1),
            e);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "[fuzz] %d cases in %.2f s: %s; rejects %s; over a bound %d%n",
        CASES, seconds, kinds, reasons, overflows);
    assertEquals(Kind.values().length, kinds.size(), "every kind of mutation ran: " + kinds);
    assertTrue(reasons.getOrDefault(RejectReason.BAD_ENCODING, 0) > 0, "bad bytes were hit");
    assertTrue(reasons.getOrDefault(RejectReason.MALFORMED_ROW, 0) > 0, "broken records hit");
    assertTrue(overflows > 0, "records ran over a bound");
  }

  enum Kind {
    INSERT_QUOTE,
    DELETE_QUOTE,
    INSERT_COMMA,
    INSERT_NEWLINE,
    DELETE_BYTE,
    INSERT_BYTES,
    TRUNCATE
  }

  /** Splits the mutated file and checks every property; returns the records. */
  static List<CsvRecord> check(Valid valid, Mutation m, CsvLimits limits) throws AssertionError {
    List<CsvRecord> out = new ArrayList<>();
    LineCountingInputStream counted =
        new LineCountingInputStream(new ByteArrayInputStream(m.bytes()));
    long blank;
    try {
      CsvSplitter s = new CsvSplitter(counted, limits);
      assertTrue(s.skipHeaderLine(), "header");
      for (CsvRecord r = s.next(FIELDS); r != null; r = s.next(FIELDS)) {
        out.add(r);
      }
      blank = s.blankLines();
      assertEquals(counted.lines(), s.linesConsumed(), "lines consumed = physical lines");
    } catch (java.io.IOException e) {
      throw new AssertionError("IO error on an in-memory file", e);
    }
    List<int[]> lines = lineRanges(m.bytes());
    assertEquals(lines.size(), counted.lines(), "independent line count");
    assertCovered(out, lines, m.bytes(), blank);
    for (CsvRecord r : out) {
      assertTrue(r.lineCount() <= limits.maxRecordLines(), "record over the line bound: " + r);
      assertTrue(r.ok() == (r.fields() != null && r.problem() == null), "verdict: " + r);
    }
    assertValidRowsKept(valid, m, out, lines);
    return out;
  }

  /** Every line after the header lies in exactly one record or is blank (empty or a lone CR). */
  static void assertCovered(List<CsvRecord> out, List<int[]> lines, byte[] bytes, long blank) {
    int[] owner = new int[lines.size() + 1];
    for (int i = 0; i < out.size(); i++) {
      CsvRecord r = out.get(i);
      for (long l = r.firstLine(); l < r.firstLine() + r.lineCount(); l++) {
        assertTrue(l >= 2 && l <= lines.size(), "line " + l + " outside the file: " + r);
        assertEquals(0, owner[(int) l], "line " + l + " in two records");
        owner[(int) l] = i + 1;
      }
    }
    long uncovered = 0;
    for (int l = 2; l <= lines.size(); l++) {
      if (owner[l] == 0) {
        int[] range = lines.get(l - 1);
        int len = range[1] - range[0];
        boolean empty = len == 0 || (len == 1 && bytes[range[0]] == '\r');
        assertTrue(empty, "line " + l + " is in no record and not blank");
        uncovered++;
      }
    }
    assertEquals(blank, uncovered, "blank lines");
  }

  /**
   * Every valid record the mutation did not touch, and that lies outside the records holding the
   * mutated lines, is read intact at its line (shifted by the line breaks added or removed).
   */
  static void assertValidRowsKept(Valid valid, Mutation m, List<CsvRecord> out, List<int[]> lines) {
    int firstTouched = lineOf(lines, m.at() > 0 && (m.inserted() == 0) ? m.at() - 1 : m.at());
    int lastTouched = lineOf(lines, m.at() + Math.max(m.inserted(), 1) - 1);
    long lo = firstTouched;
    long hi = lastTouched;
    for (CsvRecord r : out) {
      long last = r.firstLine() + r.lineCount() - 1;
      if (r.firstLine() <= lastTouched && last >= firstTouched) {
        lo = Math.min(lo, r.firstLine());
        hi = Math.max(hi, last);
      }
    }
    Map<Long, CsvRecord> byLine = new java.util.HashMap<>();
    out.forEach(r -> byLine.put(r.firstLine(), r));
    int origAt = m.at();
    for (Rec rec : valid.records()) {
      boolean before = rec.term() <= origAt && rec.term() > rec.end();
      boolean after = !m.truncated() && rec.start() > origAt;
      if (!before && !after) {
        continue;
      }
      long first = rec.firstLine() + (after ? m.delta() : 0);
      long last = first + rec.lines() - 1;
      if (last >= lo && first <= hi) {
        continue;
      }
      CsvRecord got = byLine.get(first);
      if (got == null || !got.ok() || got.lineCount() != rec.lines()) {
        fail("valid record of line " + first + " lost: got " + got + ", expected " + rec);
      }
      assertEquals(rec.fields(), got.fields(), "fields of the record at line " + first);
    }
  }

  /** [start, end) of each physical line, terminators excluded. */
  static List<int[]> lineRanges(byte[] b) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        out.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (start < b.length) {
      out.add(new int[] {start, b.length});
    }
    return out;
  }

  /** The 1-based line holding byte {@code pos} (or the last line). */
  static int lineOf(List<int[]> lines, int pos) {
    for (int i = 0; i < lines.size(); i++) {
      if (pos <= lines.get(i)[1]) {
        return i + 1;
      }
    }
    return lines.size();
  }

  static Valid validFile(Random rnd) {
    String eol = rnd.nextBoolean() ? "\n" : "\r\n";
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    List<Rec> records = new ArrayList<>();
    byte[] header = (HEADER + eol).getBytes(StandardCharsets.UTF_8);
    buf.writeBytes(header);
    int line = 2;
    int n = 20 + rnd.nextInt(40);
    for (int i = 0; i < n; i++) {
      List<String> fields = fields(rnd, i);
      String text = record(fields);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      int start = buf.size();
      int lines = 1 + (int) text.chars().filter(ch -> ch == '\n').count();
      buf.writeBytes(bytes);
      boolean last = i == n - 1;
      if (!last || rnd.nextBoolean()) {
        buf.writeBytes(eol.getBytes(StandardCharsets.UTF_8));
      }
      records.add(new Rec(fields, start, start + bytes.length, buf.size(), line, lines));
      line += lines;
    }
    return new Valid(buf.toByteArray(), records);
  }

  static List<String> fields(Random rnd, int i) {
    String[] types = {"view", "click", "purchase", "add_to_cart"};
    String order =
        switch (rnd.nextInt(6)) {
          case 0 -> "56" + i + ",A";
          case 1 -> "say \"hi\" " + i;
          case 2 -> "two\nlines " + i;
          case 3 -> "";
          default -> "5618" + i;
        };
    String user = rnd.nextInt(8) == 0 ? "Zoë" + i : String.valueOf(12000 + rnd.nextInt(5000));
    return List.of(
        "2011-07-31 1" + rnd.nextInt(10) + ":00:00",
        user,
        String.valueOf(20000 + rnd.nextInt(3000)),
        types[rnd.nextInt(types.length)],
        String.valueOf(1 + rnd.nextInt(24)),
        rnd.nextInt(100) + "." + rnd.nextInt(10) + rnd.nextInt(10),
        order);
  }

  static String record(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      if (i > 0) {
        b.append(',');
      }
      if (f.contains(",") || f.contains("\"") || f.contains("\n")) {
        b.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        b.append(f);
      }
    }
    return b.toString();
  }

  static Mutation mutate(Valid valid, Kind kind, Random rnd) {
    byte[] b = valid.bytes();
    int dataStart = valid.records().get(0).start();
    int at = dataStart + rnd.nextInt(b.length - dataStart);
    switch (kind) {
      case INSERT_QUOTE:
        return insert(kind, b, at, new byte[] {'"'});
      case INSERT_COMMA:
        return insert(kind, b, at, new byte[] {','});
      case INSERT_NEWLINE:
        return insert(kind, b, at, rnd.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
      case INSERT_BYTES:
        byte[] pool = {
          (byte) 0xFF,
          (byte) 0xFE,
          (byte) 0xC3,
          (byte) 0x28,
          (byte) 0x80,
          (byte) 0xE2,
          (byte) 0x82,
          '"',
          ',',
          '\r',
          '\n',
          'x',
          (byte) 0xA9
        };
        byte[] ins = new byte[1 + rnd.nextInt(4)];
        for (int i = 0; i < ins.length; i++) {
          ins[i] = pool[rnd.nextInt(pool.length)];
        }
        return insert(kind, b, at, ins);
      case DELETE_QUOTE:
        for (int i = 0; i < b.length; i++) {
          int j = dataStart + (at - dataStart + i) % (b.length - dataStart);
          if (b[j] == '"') {
            return delete(kind, b, j);
          }
        }
        return delete(kind, b, at);
      case DELETE_BYTE:
        return delete(kind, b, at);
      default:
        byte[] cut = java.util.Arrays.copyOf(b, at);
        return new Mutation(kind.name(), cut, at, 0, true, 0);
    }
  }

  static Mutation insert(Kind kind, byte[] b, int at, byte[] ins) {
    byte[] out = new byte[b.length + ins.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(ins, 0, out, at, ins.length);
    System.arraycopy(b, at, out, at + ins.length, b.length - at);
    int delta = 0;
    for (byte x : ins) {
      delta += x == '\n' ? 1 : 0;
    }
    return new Mutation(kind.name(), out, at, ins.length, false, delta);
  }

  static Mutation delete(Kind kind, byte[] b, int at) {
    byte[] out = new byte[b.length - 1];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + 1, out, at, b.length - at - 1);
    return new Mutation(kind.name(), out, at, 0, false, b[at] == '\n' ? -1 : 0);
  }
}
