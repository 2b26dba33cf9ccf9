package com.comborec.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's {@code file:} file system, except that permissions are set through {@code java.nio}.
 *
 * <p>Why: without Hadoop's native library (which Spark's Maven jars do not ship), {@link
 * RawLocalFileSystem#setPermission} forks a {@code chmod} process for every file and folder a Spark
 * write creates, plus a thread to read its output. The sample nightly forked 2,042 of them; without
 * them its ingest took 23 s instead of 29 s (docs/performance.md). Checksums ({@code .crc} files),
 * listing and everything else stay Hadoop's. Registered as {@code spark.hadoop.fs.file.impl} in
 * reference.conf; HDFS and object stores are untouched.
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {
  public ForklessLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (unchecksummed) layer with the fork-free {@code setPermission}. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      java.nio.file.Path file = pathToFile(p).toPath();
      // The sticky bit has no java.nio equivalent; such rare folders keep Hadoop's way.
      if (permission.getStickyBit()
          || !Files.getFileStore(file).supportsFileAttributeView("posix")) {
        super.setPermission(p, permission);
        return;
      }
      Files.setPosixFilePermissions(file, posix(permission.toShort()));
    }
  }

  /** The nine rwx bits of a mode such as 0644, as Hadoop spells them ("rw-r--r--"). */
  static Set<PosixFilePermission> posix(short mode) {
    return PosixFilePermissions.fromString(new FsPermission(mode).toString());
  }
}
