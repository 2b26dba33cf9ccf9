package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The header parser: quoting, BOM and normalisation. */
class CsvHeaderTest {
  @Test
  void parsesQuotedNamesAndStripsBom() {
    String line = CsvHeader.stripBom("\uFEFFItem_ID, \"Title, long\",\"a\"\"b\"");
    assertEquals(
        List.of("item_id", "title, long", "a\"b"),
        CsvHeader.normalise(CsvHeader.parseRecord(line)));
  }

  @Test
  void keepsEmptyNames() {
    assertEquals(List.of("a", "", "b"), CsvHeader.parseRecord("a,,b\r"));
  }
}
