package com.comborec.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A fingerprint of comborec's own classes, for results stored across runs that a code change must
 * invalidate (the release version alone does not change while a build is developed). From a jar:
 * the name, size and CRC of every entry under {@code com/comborec/}, read from the jar's index, so
 * a copy of the same jar (spark-submit's cluster mode downloads one) has the same fingerprint. From
 * a classes folder (tests, the IDE): the name, size and modification time of every class file.
 */
public final class BuildFingerprint {
  private static final String PACKAGE = "com/comborec/";
  private static volatile String cached;

  private BuildFingerprint() {}

  /** Hex SHA-256 of comborec's classes as this JVM loaded them. */
  public static String current() {
    String value = cached;
    if (value == null) {
      value = of(codeSource());
      cached = value;
    }
    return value;
  }

  /** The fingerprint of a jar or a classes folder. */
  static String of(Path location) {
    List<String> lines = Files.isDirectory(location) ? folder(location) : jar(location);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      lines.forEach(l -> digest.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static List<String> jar(Path jar) {
    List<String> out = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry e : java.util.Collections.list(file.entries())) {
        if (e.getName().startsWith(PACKAGE)) {
          out.add(e.getName() + " " + e.getSize() + " " + e.getCrc());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
    out.sort(null);
    return out;
  }

  private static List<String> folder(Path classes) {
    Path root = classes.resolve(PACKAGE);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> classes.relativize(p) + " " + p.toFile().length() + " " + modified(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static long modified(Path p) {
    return p.toFile().lastModified();
  }

  private static Path codeSource() {
    try {
      return Path.of(
          BuildFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("comborec's code source is not a path", e);
    }
  }
}
