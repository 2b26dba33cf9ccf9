package com.comborec.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.contract.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSplitterTest {
  static final CsvLimits LIMITS = new CsvLimits(5, 200);

  /** The records of a file after its header line, and its line accounting. */
  record Split(List<CsvRecord> records, long physicalLines, long consumed, long blank) {
    CsvRecord get(int i) {
      return records.get(i);
    }
  }

  static Split split(byte[] bytes, int fields, CsvLimits limits) {
    try {
      LineCountingInputStream counted =
          new LineCountingInputStream(new ByteArrayInputStream(bytes));
      CsvSplitter s = new CsvSplitter(counted, limits);
      List<CsvRecord> out = new ArrayList<>();
      if (s.skipHeaderLine()) {
        for (CsvRecord r = s.next(fields); r != null; r = s.next(fields)) {
          out.add(r);
        }
      }
      return new Split(out, counted.lines(), s.linesConsumed(), s.blankLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Split split(String text, int fields) {
    return split(text.getBytes(StandardCharsets.UTF_8), fields, LIMITS);
  }

  static void assertRecord(CsvRecord r, long line, int lines, String... fields) {
    assertTrue(r.ok(), "expected a good record at line " + line + ": " + r);
    assertEquals(line, r.firstLine(), "first line of " + r);
    assertEquals(lines, r.lineCount(), "line count of " + r);
    assertEquals(List.of(fields), r.fields(), "fields of " + r);
  }

  static void assertRejected(CsvRecord r, RejectReason reason, long line, String raw) {
    assertEquals(reason, r.problem(), "reason of " + r);
    assertEquals(line, r.firstLine(), "first line of " + r);
    assertEquals(1, r.lineCount(), "a rejected record costs one line: " + r);
    assertEquals(raw, r.raw(), "raw text of " + r);
    assertNull(r.fields());
  }

  static void assertAccounted(Split s) {
    assertEquals(s.physicalLines(), s.consumed(), "every line consumed");
    long inRecords = s.records().stream().mapToLong(CsvRecord::lineCount).sum();
    assertEquals(s.physicalLines(), 1 + inRecords + s.blank(), "header + records + blank lines");
  }

  @Test
  void plainRecordsWithLfOrCrlfAndNoFinalNewline() {
    for (String eol : List.of("\n", "\r\n")) {
      Split s = split("a,b,c" + eol + "1,2,3" + eol + "4,,6" + eol + "7,8,", 3);
      assertRecord(s.get(0), 2, 1, "1", "2", "3");
      assertRecord(s.get(1), 3, 1, "4", "", "6");
      assertRecord(s.get(2), 4, 1, "7", "8", "");
      assertEquals(3, s.records().size());
      assertAccounted(s);
    }
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaks() {
    Split s = split("id,title,price\nB,\"Bread, \"\"sour\"\"\ntwo lines\",2.00\nC,\"\",3\n", 3);
    assertRecord(s.get(0), 2, 2, "B", "Bread, \"sour\"\ntwo lines", "2.00");
    assertEquals("B,\"Bread, \"\"sour\"\"\ntwo lines\",2.00", s.get(0).raw());
    assertRecord(s.get(1), 4, 1, "C", "", "3");
    assertAccounted(s);
  }

  @Test
  void anUnterminatedQuoteCostsOneLineNotTheRestOfTheFile() {
    Split s = split("t,item,type\n1,\"21982,view\n2,21983,view\n3,21984,view\n", 3);
    assertRejected(s.get(0), RejectReason.MALFORMED_ROW, 2, "1,\"21982,view");
    assertTrue(s.get(0).detail().contains("not closed"), s.get(0).detail());
    assertRecord(s.get(1), 3, 1, "2", "21983", "view");
    assertRecord(s.get(2), 4, 1, "3", "21984", "view");
    assertAccounted(s);
  }

  @Test
  void aStrayQuoteClosedByALaterQuotedFieldCostsOneLine() {
    Split s = split("t,item,type\n1,\"21982,view\n2,21983,view\n3,\"x, y\",view\n", 3);
    assertRejected(s.get(0), RejectReason.MALFORMED_ROW, 2, "1,\"21982,view");
    assertTrue(s.get(0).detail().contains("resumes on line 3"), s.get(0).detail());
    assertRecord(s.get(1), 3, 1, "2", "21983", "view");
    assertRecord(s.get(2), 4, 1, "3", "x, y", "view");
    assertAccounted(s);
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsText() {
    Split s = split("a,b\nx\"y,z\"\n", 2);
    assertRecord(s.get(0), 2, 1, "x\"y", "z\"");
  }

  @Test
  void aRecordOverTheLineBoundRejectsItsFirstLineAndResumes() {
    StringBuilder text = new StringBuilder("a,b\n1,\"open\n");
    for (int i = 0; i < 6; i++) {
      text.append(i).append(",x\n");
    }
    text.append("9,\"closes\"\n");
    Split s = split(text.toString(), 2);
    assertRejected(s.get(0), RejectReason.MALFORMED_ROW, 2, "1,\"open");
    assertTrue(s.get(0).detail().contains("max-record-lines"), s.get(0).detail());
    for (int i = 0; i < 6; i++) {
      assertRecord(s.get(1 + i), 3 + i, 1, String.valueOf(i), "x");
    }
    assertRecord(s.get(7), 9, 1, "9", "closes");
    assertAccounted(s);
  }

  @Test
  void aLineOverTheCharacterBoundIsRejectedAlone() {
    String longLine = "1," + "x".repeat(300);
    Split s = split("a,b\n" + longLine + "\n2,y\n", 2);
    assertEquals(RejectReason.MALFORMED_ROW, s.get(0).problem());
    assertTrue(s.get(0).raw().endsWith("..."), s.get(0).raw());
    assertTrue(s.get(0).raw().length() < 210, "raw text is cut: " + s.get(0).raw().length());
    assertRecord(s.get(1), 3, 1, "2", "y");
    assertAccounted(s);
  }

  @Test
  void invalidUtf8IsRejectedAsBadEncodingWithTheBytesEscaped() {
    byte[] head = "user,item\n16839".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0x28};
    byte[] tail = ",21982\n16840,21983\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(bad, 0, bytes, head.length, bad.length);
    System.arraycopy(tail, 0, bytes, head.length + bad.length, tail.length);
    Split s = split(bytes, 2, LIMITS);
    assertRejected(s.get(0), RejectReason.BAD_ENCODING, 2, "16839\\xFF\\xFE\\xC3(,21982");
    assertTrue(s.get(0).detail().contains("invalid UTF-8"), s.get(0).detail());
    assertRecord(s.get(1), 3, 1, "16840", "21983");
    assertAccounted(s);
  }

  @Test
  void validMultiByteTextAndALeadingBomAreFine() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "name,city\nZoë,Kraków\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(text, 0, bytes, 3, text.length);
    Split s = split(bytes, 2, LIMITS);
    assertRecord(s.get(0), 2, 1, "Zoë", "Kraków");
    assertAccounted(s);
  }

  @Test
  void blankLinesHoldNoRecordButAreCounted() {
    Split s = split("a,b\n\n1,2\r\n\r\n2,3\n\n", 2);
    assertRecord(s.get(0), 3, 1, "1", "2");
    assertRecord(s.get(1), 5, 1, "2", "3");
    assertEquals(3, s.blank());
    assertAccounted(s);
  }

  @Test
  void aWrongFieldCountIsMalformed() {
    Split s = split("a,b\n1,2,3\n4\n5,6\n", 2);
    assertRejected(s.get(0), RejectReason.MALFORMED_ROW, 2, "1,2,3");
    assertTrue(s.get(0).detail().contains("3 fields, the header 2"), s.get(0).detail());
    assertRejected(s.get(1), RejectReason.MALFORMED_ROW, 3, "4");
    assertRecord(s.get(2), 4, 1, "5", "6");
  }

  @Test
  void aMultiLineRecordWithTheWrongFieldCountRejectsOnlyItsFirstLine() {
    Split s = split("a,b\n1,\"x\ny\",extra\n2,3\n", 2);
    assertRejected(s.get(0), RejectReason.MALFORMED_ROW, 2, "1,\"x");
    // Line 3 is read again on its own: y",extra has a quote inside an unquoted field (text).
    assertRecord(s.get(1), 3, 1, "y\"", "extra");
    assertRecord(s.get(2), 4, 1, "2", "3");
    assertAccounted(s);
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() {
    Split s = split("a,b\n\"x\"y,1\n2,3\n", 2);
    assertRejected(s.get(0), RejectReason.MALFORMED_ROW, 2, "\"x\"y,1");
    assertRecord(s.get(1), 3, 1, "2", "3");
  }

  @Test
  void anEmptyFileAndAHeaderOnlyFileHaveNoRecords() {
    assertEquals(0, split("", 2).records().size());
    Split s = split("a,b", 2);
    assertEquals(0, s.records().size());
    assertAccounted(s);
  }
}
