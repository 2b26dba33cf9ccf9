package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class RawReaderTest {
  @Test
  void csvLineQuotesOnlyTheFieldsThatNeedIt() {
    // Fields after the header's count (the corrupt-record and file columns) are not part of the
    // line.
    var row =
        RowFactory.create("2026-11-27", null, "Bread, \"sourdough\"", "two\nlines", "x", "ignored");
    assertEquals(
        "2026-11-27,,\"Bread, \"\"sourdough\"\"\",\"two\nlines\",x", RawReader.csvLine(row, 5));
  }

  @Test
  void csvLineOfOneEmptyField() {
    assertEquals("", RawReader.csvLine(RowFactory.create((Object) null), 1));
  }
}
