package com.comborec.ingest.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the physical lines of a stream as it is read, independently of any CSV parsing: a line is
 * ended by {@code \n}, and a last line without one counts too. The splitter's own accounting (every
 * line in exactly one record, or blank) is checked against this count.
 */
public final class LineCountingInputStream extends FilterInputStream {
  private long newlines;
  private long bytes;
  private int last = -1;

  public LineCountingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = off; i < off + n; i++) {
      count(buf[i]);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skip is not supported: every byte must be counted");
  }

  private void count(int b) {
    bytes++;
    last = b & 0xFF;
    if (last == '\n') {
      newlines++;
    }
  }

  /** Physical lines read so far (a final line without a terminator included). */
  public long lines() {
    return newlines + (bytes > 0 && last != '\n' ? 1 : 0);
  }

  public long bytes() {
    return bytes;
  }
}
