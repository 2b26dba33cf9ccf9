package com.comborec.ingest.csv;

import java.io.Serializable;

/**
 * What reading one input file found, for its line accounting: physical lines as counted from the
 * bytes, and how the splitter used them (header, records, blank lines). {@code error} is set when
 * the file could not be read to its end (a truncated gzip, a permission denied).
 */
public record FileTally(
    String file,
    long physicalLines,
    long headerLines,
    long records,
    long recordLines,
    long blankLines,
    String error)
    implements Serializable {

  /** Every physical line is the header's, a record's or blank. */
  public boolean linesReconcile() {
    return physicalLines == headerLines + recordLines + blankLines;
  }
}
