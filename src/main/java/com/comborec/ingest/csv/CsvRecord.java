package com.comborec.ingest.csv;

import com.comborec.contract.RejectReason;
import java.util.List;

/**
 * One record of a CSV file as the splitter found it: where it starts, how many physical lines it
 * spans, and either its fields or why it cannot have any.
 *
 * @param firstLine the 1-based physical line the record starts on (the header is line 1)
 * @param lineCount physical lines the record spans (1 unless a quoted field holds line breaks)
 * @param fields the raw field values (unquoted, untrimmed), or null for a rejected record
 * @param problem {@link RejectReason#MALFORMED_ROW} or {@link RejectReason#BAD_ENCODING}, or null
 * @param detail why the record was rejected, or null
 * @param raw the record's text without its line terminator; invalid bytes escaped as {@code \xNN}
 */
public record CsvRecord(
    long firstLine,
    int lineCount,
    List<String> fields,
    RejectReason problem,
    String detail,
    String raw) {

  public boolean ok() {
    return problem == null;
  }

  static CsvRecord ok(long firstLine, int lineCount, List<String> fields, String raw) {
    return new CsvRecord(firstLine, lineCount, fields, null, null, raw);
  }

  static CsvRecord rejected(
      long firstLine, int lineCount, RejectReason problem, String detail, String raw) {
    return new CsvRecord(firstLine, lineCount, null, problem, detail, raw);
  }
}
