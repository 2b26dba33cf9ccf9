package com.comborec.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Small Hadoop FileSystem helpers, so the same code works on {@code file:}, {@code hdfs:} and
 * {@code s3a:}. IO errors become unchecked: a run that cannot read or write its storage fails.
 */
public final class Fs {
  private final Configuration hadoop;

  public Fs(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  public FileSystem fs(String path) {
    try {
      return FileSystem.get(URI.create(path), hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open file system for " + path, e);
    }
  }

  public boolean exists(String path) {
    return io(() -> fs(path).exists(new Path(path)));
  }

  public boolean isDirectory(String path) {
    return io(() -> fs(path).getFileStatus(new Path(path)).isDirectory());
  }

  /** The children of a folder, sorted by name; an absent folder has none. */
  public List<FileStatus> list(String path) {
    return listed(
        path,
        (fs, p, out) -> out.addAll(Arrays.asList(fs.listStatus(p))),
        Comparator.comparing(s -> s.getPath().getName()));
  }

  /**
   * Every file under a folder, at any depth, sorted by path; an absent folder has none. One listing
   * call per folder locally and on HDFS, one paged listing of the prefix on object stores.
   */
  public List<FileStatus> filesUnder(String path) {
    return listed(
        path,
        (fs, p, out) -> {
          RemoteIterator<LocatedFileStatus> files = fs.listFiles(p, true);
          while (files.hasNext()) {
            out.add(files.next());
          }
        },
        Comparator.comparing(s -> s.getPath().toString()));
  }

  private interface Lister {
    void into(FileSystem fs, Path folder, List<FileStatus> out) throws IOException;
  }

  private List<FileStatus> listed(String path, Lister lister, Comparator<FileStatus> order) {
    return io(
        () -> {
          Path p = new Path(path);
          FileSystem fs = fs(path);
          List<FileStatus> out = new ArrayList<>();
          if (fs.exists(p)) {
            lister.into(fs, p, out);
            out.sort(order);
          }
          return out;
        });
  }

  public void delete(String path) {
    io(() -> fs(path).delete(new Path(path), true));
  }

  public void mkdirs(String path) {
    io(() -> fs(path).mkdirs(new Path(path)));
  }

  /** Renames, failing loudly: a false from rename is a failed commit, not something to ignore. */
  public void rename(String from, String to) {
    io(
        () -> {
          if (!fs(from).rename(new Path(from), new Path(to))) {
            throw new IOException("rename failed: " + from + " -> " + to);
          }
          return null;
        });
  }

  public String readString(String path) {
    return io(
        () -> {
          try (InputStream in = fs(path).open(new Path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        });
  }

  /** Writes a small file atomically: a hidden temporary beside it, then a rename over it. */
  public void writeStringAtomically(String path, String content) {
    Path target = new Path(path);
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + System.nanoTime());
    io(
        () -> {
          FileSystem fs = fs(path);
          fs.mkdirs(target.getParent());
          try (OutputStream out = fs.create(tmp, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
          }
          if (fs.exists(target)) {
            fs.delete(target, false);
          }
          if (!fs.rename(tmp, target)) {
            throw new IOException("rename failed: " + tmp + " -> " + target);
          }
          return null;
        });
  }

  public Configuration hadoop() {
    return hadoop;
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private static <T> T io(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
