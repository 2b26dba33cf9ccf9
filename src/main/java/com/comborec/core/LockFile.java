package com.comborec.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The storage operations of the output lock. Creating the file is the atomic step: on a local disk
 * an exclusive create ({@code O_EXCL}), on HDFS a create that refuses an existing file (decided by
 * the NameNode). Object stores offer no such create; there the lock only narrows the window (see
 * README).
 */
final class LockFile {
  private final String uri;
  private final Path local;
  private final Configuration hadoop;

  /** What the file holds and when it was last renewed (its modification time). */
  record Contents(String text, long modifiedMillis) {}

  LockFile(String uri, Configuration hadoop) {
    this.uri = uri;
    this.hadoop = hadoop;
    String scheme = URI.create(uri).getScheme();
    this.local = scheme == null || scheme.equals("file") ? Paths.get(localUri(uri)) : null;
  }

  String uri() {
    return uri;
  }

  /** Another file on the same storage. */
  LockFile sibling(String otherUri) {
    return new LockFile(otherUri, hadoop);
  }

  /** Creates the file with {@code text} unless it exists; false when it does. */
  boolean create(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      if (local != null) {
        Files.createDirectories(local.getParent());
        Files.write(local, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      }
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
      FileSystem fs = p.getFileSystem(hadoop);
      fs.mkdirs(p.getParent());
      try (OutputStream out = fs.create(p, false)) {
        out.write(bytes);
      }
      return true;
    } catch (FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (exists()) {
        return false;
      }
      throw new UncheckedIOException("cannot create the lock " + uri + ": " + e.getMessage(), e);
    }
  }

  /** The file's text and modification time, or null when there is no file. */
  Contents read() {
    try {
      if (local != null) {
        FileTime t = Files.getLastModifiedTime(local);
        return new Contents(Files.readString(local), t.toMillis());
      }
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
      FileSystem fs = p.getFileSystem(hadoop);
      long modified = fs.getFileStatus(p).getModificationTime();
      try (InputStream in = fs.open(p)) {
        return new Contents(new String(in.readAllBytes(), StandardCharsets.UTF_8), modified);
      }
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lock " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Renews the file: its modification time becomes now. */
  void touch() throws IOException {
    long now = System.currentTimeMillis();
    if (local != null) {
      Files.setLastModifiedTime(local, FileTime.fromMillis(now));
      return;
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
    p.getFileSystem(hadoop).setTimes(p, now, -1);
  }

  /** Moves the file aside (atomic on local disks and HDFS); false when it is gone. */
  boolean moveTo(String target) {
    try {
      if (local != null) {
        Files.move(local, Paths.get(localUri(target)));
        return true;
      }
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
      return p.getFileSystem(hadoop).rename(p, new org.apache.hadoop.fs.Path(target));
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the lock " + uri + ": " + e.getMessage(), e);
    }
  }

  void delete() {
    try {
      if (local != null) {
        Files.deleteIfExists(local);
        return;
      }
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
      p.getFileSystem(hadoop).delete(p, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the lock " + uri + ": " + e.getMessage(), e);
    }
  }

  private boolean exists() {
    return read() != null;
  }

  private static URI localUri(String uri) {
    URI u = URI.create(uri);
    return u.getScheme() == null ? Paths.get(uri).toAbsolutePath().toUri() : u;
  }
}
