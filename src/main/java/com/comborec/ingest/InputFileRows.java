package com.comborec.ingest;

import com.comborec.ingest.csv.CsvLimits;
import com.comborec.ingest.csv.CsvRecord;
import com.comborec.ingest.csv.CsvSplitter;
import com.comborec.ingest.csv.FileTally;
import com.comborec.ingest.csv.LineCountingInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The rows of one input file, read as a stream: each record becomes a row of the contract's string
 * columns (trimmed, empty as null) with its trace columns, and the file's tally is ready at the
 * end. A file that is corrupt or unreadable ends early with the error in its tally, so the run can
 * fail with exit 3 naming it instead of a task failure; other IO errors fail the task (Spark
 * retries it).
 */
final class InputFileRows implements Closeable {
  private final RawReader.FileSpec spec;
  private final CsvLimits limits;
  private LineCountingInputStream counted;
  private CsvSplitter splitter;
  private InputStream source;
  private InputStream stream;
  private long records;
  private long recordLines;
  private long headerLines;
  private String error;
  private boolean done;

  InputFileRows(RawReader.FileSpec spec, CsvLimits limits) {
    this.spec = spec;
    this.limits = limits;
  }

  /** Opens the file; decompresses {@code .gz}. */
  void open(InputStream raw) {
    source = raw;
    try {
      stream = spec.path().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      counted = new LineCountingInputStream(stream);
      splitter = new CsvSplitter(counted, limits);
      headerLines = splitter.skipHeaderLine() ? 1 : 0;
    } catch (IOException e) {
      fail(e);
    }
  }

  /** Records the failure to open the file at all. */
  void failedToOpen(IOException e) {
    fail(e);
  }

  /** The next row, or null when the file is done (or broken). */
  Row next() {
    if (done) {
      return null;
    }
    try {
      CsvRecord r = splitter.next(spec.fields());
      if (r == null) {
        done = true;
        return null;
      }
      records++;
      recordLines += r.lineCount();
      return row(r, records);
    } catch (IOException e) {
      fail(e);
      return null;
    }
  }

  FileTally tally() {
    long physical = counted == null ? 0 : counted.lines();
    long blank = splitter == null ? 0 : splitter.blankLines();
    return new FileTally(spec.path(), physical, headerLines, records, recordLines, blank, error);
  }

  private Row row(CsvRecord r, long number) {
    int[] columns = spec.columns();
    Object[] values = new Object[columns.length + RawReader.TRACE_COLUMNS];
    if (r.ok()) {
      for (int i = 0; i < columns.length; i++) {
        values[i] = columns[i] < 0 ? null : trimmed(r.fields().get(columns[i]));
      }
    }
    int t = columns.length;
    values[t] = r.ok() ? null : r.problem().code();
    values[t + 1] = r.detail();
    values[t + 2] = spec.path();
    values[t + 3] = number;
    values[t + 4] = r.firstLine();
    values[t + 5] = r.lineCount();
    values[t + 6] = r.raw();
    values[t + 7] = spec.day();
    return RowFactory.create(values);
  }

  /** As Spark's trim: spaces (not tabs) off both ends; an empty cell is null. */
  static String trimmed(String v) {
    int start = 0;
    int end = v.length();
    while (start < end && v.charAt(start) == ' ') {
      start++;
    }
    while (end > start && v.charAt(end - 1) == ' ') {
      end--;
    }
    return start == end ? null : v.substring(start, end);
  }

  /** Corrupt data or denied access is the file's fault (exit 3); anything else is retried. */
  private void fail(IOException e) {
    done = true;
    if (!isFileProblem(e)) {
      throw new UncheckedIOException("cannot read " + spec.path() + ": " + e.getMessage(), e);
    }
    error = e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  static boolean isFileProblem(IOException e) {
    return e instanceof EOFException
        || e instanceof ZipException
        || e instanceof FileNotFoundException
        || e instanceof AccessDeniedException
        || e instanceof org.apache.hadoop.security.AccessControlException;
  }

  @Override
  public void close() {
    try (InputStream s = source) {
      if (stream != null) {
        stream.close();
      }
    } catch (IOException e) {
      // The file was read to its end or failed already; nothing more to learn from closing it.
    }
  }
}
