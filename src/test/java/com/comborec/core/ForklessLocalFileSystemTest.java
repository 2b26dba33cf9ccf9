package com.comborec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForklessLocalFileSystemTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void modeBitsMapToPosixPermissionsOwnerFirst() {
    assertEquals(
        PosixFilePermissions.fromString("rw-r--r--"), ForklessLocalFileSystem.posix((short) 0644));
    assertEquals(
        PosixFilePermissions.fromString("rwxr-x---"), ForklessLocalFileSystem.posix((short) 0750));
    assertEquals(
        PosixFilePermissions.fromString("-w---x--x"), ForklessLocalFileSystem.posix((short) 0211));
    assertTrue(ForklessLocalFileSystem.posix((short) 0).isEmpty());
  }

  @Test
  void registeredAsFileImplItSetsPermissionsOfFilesAndFoldersAndKeepsChecksums() throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
    // A private instance: the JVM-wide cache may already hold another file: file system.
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf)) {
      assertInstanceOf(ForklessLocalFileSystem.class, fs);
      Path dir = new Path(tmp.toUri().toString(), "a/b");
      assertTrue(fs.mkdirs(dir, new FsPermission((short) 0750)));
      Path file = new Path(dir, "part-0.parquet");
      try (FSDataOutputStream out = fs.create(file)) {
        out.writeBytes("rows");
      }
      fs.setPermission(file, new FsPermission((short) 0640));

      java.nio.file.Path local = tmp.resolve("a/b");
      assertEquals(
          "rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
      assertEquals(
          "rw-r-----",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(local.resolve("part-0.parquet"))));
      assertEquals(new FsPermission((short) 0640), fs.getFileStatus(file).getPermission());
      assertTrue(Files.exists(local.resolve(".part-0.parquet.crc")), "checksum file written");
    }
  }
}
