package com.comborec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar's fingerprint follows comborec's classes only, and a copy of the jar keeps it. */
class BuildFingerprintTest {
  @TempDir Path dir;

  Path jar(String name, Map<String, String> entries) throws IOException {
    Path jar = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void aCopyHasTheSameFingerprintAndAChangedClassAnother() throws IOException {
    Path a = jar("a.jar", Map.of("com/comborec/A.class", "one", "org/other/B.class", "x"));
    Path copy = dir.resolve("copy.jar");
    Files.copy(a, copy, StandardCopyOption.COPY_ATTRIBUTES);
    Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(0));
    assertEquals(BuildFingerprint.of(a), BuildFingerprint.of(copy), "a copy, another time stamp");
    Path changed = jar("c.jar", Map.of("com/comborec/A.class", "two", "org/other/B.class", "x"));
    assertNotEquals(BuildFingerprint.of(a), BuildFingerprint.of(changed), "a class changed");
    Path other = jar("d.jar", Map.of("com/comborec/A.class", "one", "org/other/B.class", "y"));
    assertEquals(BuildFingerprint.of(a), BuildFingerprint.of(other), "a dependency's class");
  }

  @Test
  void aClassesFolderChangesWithAClassFile() throws IOException {
    Path classes = dir.resolve("classes");
    Path file = classes.resolve("com/comborec/A.class");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "one");
    String before = BuildFingerprint.of(classes);
    assertEquals(before, BuildFingerprint.of(classes), "read twice");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("three".getBytes(StandardCharsets.UTF_8));
    }
    assertNotEquals(before, BuildFingerprint.of(classes), "recompiled");
  }

  @Test
  void theRunningBuildHasAFingerprint() {
    assertEquals(64, BuildFingerprint.current().length());
  }
}
