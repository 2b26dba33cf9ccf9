package com.comborec.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 records and the hand-rolled number formats, checked against strings written by hand. */
class CsvTest {
  @Test
  void quotesOnlyFieldsWithCommaQuoteOrLineBreak() {
    String record = Csv.record("plain", "a,b", "say \"hi\"", "two\nlines", "", "cr\rhere");
    assertEquals(
        "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"cr\rhere\"\r\n", record, "record");
    // Read back by the independent test reader: the same six fields.
    assertEquals(
        List.of(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "", "cr\rhere")),
        Rfc4180.parse(record),
        "fields read back");
  }

  @Test
  void centsAndFixedDecimalsAreWrittenWithoutFormatter() {
    assertEquals("12.30", Csv.cents(1230), "1230 cents");
    assertEquals("0.05", Csv.cents(5), "5 cents");
    assertEquals("-4.20", Csv.cents(-420), "-420 cents");
    assertEquals("1.0375", Csv.fixed4(1.03749999), "1.03749999 to 4 places");
    assertEquals("0.0001", Csv.fixed4(0.00005), "0.00005 rounds half up");
    assertEquals("-0.5000", Csv.fixed4(-0.5), "-0.5");
    assertEquals("P000042", Csv.id("P", 42, 6), "padded id");
    assertEquals("U12345678", Csv.id("U", 12_345_678, 7), "id wider than the padding");
  }

  @Test
  void timestampsTakeTheContractsForms() {
    java.time.LocalDate d = java.time.LocalDate.of(2026, 11, 27);
    int second = 13 * 3600 + 45 * 60 + 10;
    assertEquals("2026-11-27T13:45:10Z", Stamps.iso(d, second), "ISO with Z");
    assertEquals("2026-11-27 13:45:10", Stamps.plain(d, second), "plain UTC");
    assertEquals(
        "2026-11-27T14:45:10+01:00", Stamps.plusOneHour(d, second), "ISO at +01:00, same instant");
  }
}
