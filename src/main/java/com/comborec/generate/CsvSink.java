package com.comborec.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One CSV file being written: to a hidden in-progress name first, renamed on close, so a reader
 * never sees half a file. Plain {@link GZIPOutputStream} keeps gzip bytes reproducible (its header
 * carries no time stamp), which Hadoop's codecs do not promise.
 */
final class CsvSink implements Closeable {
  private final FileSystem fs;
  private final Path target;
  private final Path temp;
  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);
  private long records;

  private CsvSink(FileSystem fs, Path target, Writer out, Path temp) {
    this.fs = fs;
    this.target = target;
    this.out = out;
    this.temp = temp;
  }

  /** Opens {@code dir/name} (plus ".gz" when gzip) and writes the header. */
  static CsvSink open(FileSystem fs, Path dir, String name, boolean gzip, String[] header) {
    String fileName = gzip ? name + ".gz" : name;
    Path target = new Path(dir, fileName);
    Path temp = new Path(dir, "." + fileName + ".inprogress");
    try {
      OutputStream raw = fs.create(temp, true);
      OutputStream body = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
      Writer w = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16);
      CsvSink sink = new CsvSink(fs, target, w, temp);
      sink.write(header);
      sink.records = 0;
      return sink;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + temp, e);
    }
  }

  /** Writes one record (fields are quoted as RFC 4180 needs). */
  void write(String[] fields) {
    line.setLength(0);
    Csv.appendRecord(line, fields);
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temp, e);
    }
    records++;
  }

  /** Data records written so far, header excluded. */
  long records() {
    return records;
  }

  @Override
  public void close() {
    try {
      out.close();
      fs.delete(target, false);
      if (!fs.rename(temp, target)) {
        throw new IOException("rename failed: " + temp + " -> " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish " + target, e);
    }
  }
}
