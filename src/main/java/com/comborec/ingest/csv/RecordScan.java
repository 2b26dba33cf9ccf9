package com.comborec.ingest.csv;

import java.io.IOException;

/**
 * Finds where one record ends, byte by byte: a line break outside quotes, or the end of the stream.
 * Quotes, commas and line breaks are ASCII and never occur inside a multi-byte UTF-8 sequence, so
 * the record's structure is known before its text is decoded.
 */
final class RecordScan {
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_SEEN = 3;
  private static final int AFTER_CR = 4;
  private static final int BROKEN = 5;

  byte[] bytes = new byte[256];
  int length;
  int lines;
  int fields;
  int firstNewline;
  boolean ascii;
  boolean endedByNewline;
  private int state;
  private int chars;
  private boolean overflow;

  /** Reads one record's bytes (its terminator consumed, not kept), or stops at a bound. */
  void run(CsvSplitter.ByteSource in, CsvLimits limits) throws IOException {
    length = 0;
    lines = 1;
    fields = 1;
    firstNewline = -1;
    ascii = true;
    endedByNewline = false;
    state = FIELD_START;
    chars = 0;
    overflow = false;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      if (b == '\n' && state != QUOTED) {
        endedByNewline = true;
        return;
      }
      state = next(state, b);
      append(b);
      if (b == '\n') {
        lines++;
        if (firstNewline < 0) {
          firstNewline = length - 1;
        }
      }
      if ((b & 0xC0) != 0x80) {
        chars++;
      }
      if (b >= 0x80) {
        ascii = false;
      }
      if (lines > limits.maxRecordLines() || chars > limits.maxRecordChars()) {
        overflow = true;
        return;
      }
    }
  }

  private int next(int s, int b) {
    switch (s) {
      case FIELD_START:
        if (b == '"') {
          return QUOTED;
        }
        return b == ',' ? comma() : UNQUOTED;
      case UNQUOTED:
        return b == ',' ? comma() : UNQUOTED;
      case QUOTED:
        return b == '"' ? QUOTE_SEEN : QUOTED;
      case QUOTE_SEEN:
        if (b == '"') {
          return QUOTED;
        }
        if (b == ',') {
          return comma();
        }
        return b == '\r' ? AFTER_CR : BROKEN;
      default:
        // AFTER_CR followed by anything but the line break, or already broken.
        return BROKEN;
    }
  }

  private int comma() {
    fields++;
    return FIELD_START;
  }

  private void append(int b) {
    bytes = CsvSplitter.grow(bytes, length + 1);
    bytes[length++] = (byte) b;
  }

  boolean overflow() {
    return overflow;
  }

  /** The record's length without the carriage return of a CRLF terminator. */
  int contentLength() {
    return state != QUOTED && length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
  }

  /** Why the record cannot be split into the header's fields, or null. */
  String structureProblem(int expectedFields) {
    if (state == QUOTED) {
      return "a quoted field is not closed before the end of the file";
    }
    if (state == BROKEN) {
      return "text follows a closing quote inside a field";
    }
    if (expectedFields > 0 && fields != expectedFields) {
      return String.format("the record has %d fields, the header %d", fields, expectedFields);
    }
    return null;
  }
}
