package com.comborec.ingest.csv;

import com.comborec.contract.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a CSV byte stream (RFC 4180: comma, double quotes, {@code ""} escapes, quoted fields may
 * hold line breaks) into records, knowing each record's physical lines. No Spark in here.
 *
 * <p>A record that cannot be a row costs one line, never the rest of the file: when a record runs
 * past {@link CsvLimits}, ends inside a quoted field, has text after a closing quote or the wrong
 * number of fields, and spans several lines, only its first line is rejected and reading resumes on
 * the next line. Each record's bytes are decoded as strict UTF-8; a record that is not valid UTF-8
 * is rejected as {@code bad_encoding} with its bytes escaped. Empty lines hold no record and are
 * counted as blank. So every physical line ends up in exactly one record or is blank.
 */
public final class CsvSplitter {
  private final ByteSource in;
  private final CsvLimits limits;
  private final RecordScan scan = new RecordScan();
  private final Utf8 utf8 = new Utf8();
  private long nextLine = 1;
  private long blankLines;

  public CsvSplitter(InputStream in, CsvLimits limits) {
    this.in = new ByteSource(in);
    this.limits = limits;
  }

  /**
   * Consumes the header: the first physical line whatever it holds, as the header check read it.
   * Returns false for an empty stream.
   */
  public boolean skipHeaderLine() throws IOException {
    in.skipBom();
    int b = in.read();
    if (b < 0) {
      return false;
    }
    while (b >= 0 && b != '\n') {
      b = in.read();
    }
    nextLine++;
    return true;
  }

  /**
   * The next record, or null at the end of the stream.
   *
   * @param expectedFields the header's field count; a record with another count is malformed
   */
  public CsvRecord next(int expectedFields) throws IOException {
    if (!skipBlankLines()) {
      return null;
    }
    scan.run(in, limits);
    long first = nextLine;
    if (scan.overflow()) {
      return overflow(first);
    }
    String problem = scan.structureProblem(expectedFields);
    if (problem != null && scan.lines > 1) {
      return firstLineOnly(first, problem, true);
    }
    nextLine += scan.lines;
    int len = scan.contentLength();
    String text = utf8.decode(scan.bytes, 0, len, scan.ascii);
    if (text == null) {
      return badEncoding(first, scan.lines, 0, len);
    }
    if (problem != null) {
      return CsvRecord.rejected(
          first, 1, RejectReason.MALFORMED_ROW, "line " + first + ": " + problem, text);
    }
    return CsvRecord.ok(first, scan.lines, Fields.split(text, scan.fields), text);
  }

  /** Lines that held nothing (outside any record), so far. */
  public long blankLines() {
    return blankLines;
  }

  /** Physical lines consumed so far: the header's, every record's and the blank ones. */
  public long linesConsumed() {
    return nextLine - 1;
  }

  private boolean skipBlankLines() throws IOException {
    while (true) {
      int b = in.peek();
      if (b < 0) {
        return false;
      }
      if (b == '\n') {
        in.read();
      } else if (b == '\r' && (in.peek(1) == '\n' || in.peek(1) < 0)) {
        in.read();
        if (in.peek() == '\n') {
          in.read();
        }
      } else {
        return true;
      }
      blankLines++;
      nextLine++;
    }
  }

  /** Over a bound: the opening line is rejected; on one long line the rest of it goes too. */
  private CsvRecord overflow(long first) throws IOException {
    String why =
        scan.firstNewline >= 0
            ? String.format(
                "a quoted field opened on line %d is not closed within %d lines or %d characters"
                    + " (comborec.ingest.max-record-lines / max-record-chars)",
                first, limits.maxRecordLines(), limits.maxRecordChars())
            : String.format(
                "line %d is longer than %d characters (comborec.ingest.max-record-chars)",
                first, limits.maxRecordChars());
    if (scan.firstNewline >= 0) {
      return firstLineOnly(first, why, false);
    }
    in.skipLine();
    nextLine++;
    int len = scan.length;
    String raw = utf8.escaped(scan.bytes, 0, len) + "...";
    return CsvRecord.rejected(first, 1, RejectReason.MALFORMED_ROW, why, raw);
  }

  /**
   * Rejects the record's first line alone and pushes every byte after it back, so the following
   * lines are read again as records of their own.
   */
  private CsvRecord firstLineOnly(long first, String problem, boolean ended) {
    int nl = scan.firstNewline;
    in.pushBack(scan.bytes, nl + 1, scan.length - nl - 1, ended && scan.endedByNewline);
    nextLine++;
    int len = nl > 0 && scan.bytes[nl - 1] == '\r' ? nl - 1 : nl;
    String detail =
        ended
            ? "line "
                + first
                + ": "
                + problem
                + String.format(
                    "; the record spans lines %d-%d, so only line %d is rejected and reading"
                        + " resumes on line %d",
                    first, first + scan.lines - 1, first, first + 1)
            : problem;
    String text = utf8.decode(scan.bytes, 0, len, false);
    if (text == null) {
      return badEncoding(first, 1, 0, len);
    }
    return CsvRecord.rejected(first, 1, RejectReason.MALFORMED_ROW, detail, text);
  }

  private CsvRecord badEncoding(long first, int lines, int off, int len) {
    int at = utf8.firstInvalid(scan.bytes, off, len);
    String detail =
        String.format(
            "line %d: invalid UTF-8 at byte %d of the record (0x%02X)",
            first, at + 1, scan.bytes[off + at] & 0xFF);
    return CsvRecord.rejected(
        first, lines, RejectReason.BAD_ENCODING, detail, utf8.escaped(scan.bytes, off, len));
  }

  /** Bytes from pushed-back data first, then from the stream, with a small look-ahead. */
  static final class ByteSource {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private byte[] back = new byte[0];
    private int backPos;

    ByteSource(InputStream in) {
      this.in = in;
    }

    int read() throws IOException {
      if (backPos < back.length) {
        return back[backPos++] & 0xFF;
      }
      if (pos == lim && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xFF;
    }

    int peek() throws IOException {
      return peek(0);
    }

    /** The byte {@code ahead} positions on, without consuming anything (ahead is 0 or 1). */
    int peek(int ahead) throws IOException {
      int inBack = back.length - backPos;
      if (ahead < inBack) {
        return back[backPos + ahead] & 0xFF;
      }
      int i = ahead - inBack;
      if (lim - pos <= i) {
        compactAndFill(i + 1);
      }
      return pos + i < lim ? buf[pos + i] & 0xFF : -1;
    }

    /** Reads on past the end of the current line, keeping nothing. */
    void skipLine() throws IOException {
      int b = read();
      while (b >= 0 && b != '\n') {
        b = read();
      }
    }

    /** A UTF-8 byte order mark at the very start of the stream is not content. */
    void skipBom() throws IOException {
      compactAndFill(3);
      if (lim - pos >= 3
          && (buf[pos] & 0xFF) == 0xEF
          && (buf[pos + 1] & 0xFF) == 0xBB
          && (buf[pos + 2] & 0xFF) == 0xBF) {
        pos += 3;
      }
    }

    void pushBack(byte[] bytes, int off, int len, boolean newline) {
      int rest = back.length - backPos;
      byte[] next = new byte[len + (newline ? 1 : 0) + rest];
      System.arraycopy(bytes, off, next, 0, len);
      if (newline) {
        next[len] = '\n';
      }
      System.arraycopy(back, backPos, next, next.length - rest, rest);
      back = next;
      backPos = 0;
    }

    private boolean fill() throws IOException {
      pos = 0;
      lim = 0;
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        return false;
      }
      lim = n;
      return true;
    }

    /** Makes at least {@code want} unread bytes available in the buffer, unless the stream ends. */
    private void compactAndFill(int want) throws IOException {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      }
      while (lim < want) {
        int n = in.read(buf, lim, buf.length - lim);
        if (n <= 0) {
          return;
        }
        lim += n;
      }
    }
  }

  /** Grows a record's byte buffer. */
  static byte[] grow(byte[] bytes, int needed) {
    return needed <= bytes.length
        ? bytes
        : Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
  }
}
