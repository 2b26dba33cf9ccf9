package com.comborec.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
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
 * write creates, plus a thread to read its output. The sample nightly forked 2,042 of them from a 4
 * GB JVM, about a fifth of its CPU time. Checksums ({@code .crc} files), listing and everything
 * else stay Hadoop's. Registered as {@code spark.hadoop.fs.file.impl} in reference.conf; HDFS and
 * object stores are untouched.
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

  /** The nine rwx bits of a mode such as 0644, owner first. */
  static Set<PosixFilePermission> posix(short mode) {
    PosixFilePermission[] order = {
      PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_EXECUTE
    };
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < order.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        out.add(order[i]);
      }
    }
    return out;
  }
}
