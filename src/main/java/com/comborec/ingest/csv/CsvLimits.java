package com.comborec.ingest.csv;

import java.io.Serializable;

/**
 * How far one CSV record may reach. A quoted field may span lines, but a stray quote must not
 * swallow the rest of a file: past either bound the record is malformed and reading resumes on the
 * line after the one that opened it.
 *
 * @param maxRecordLines physical lines one record may span
 * @param maxRecordChars characters (Unicode code points) one record may hold
 */
public record CsvLimits(int maxRecordLines, int maxRecordChars) implements Serializable {
  public CsvLimits {
    if (maxRecordLines < 1 || maxRecordChars < 1) {
      throw new IllegalArgumentException("record limits must be positive");
    }
  }
}
