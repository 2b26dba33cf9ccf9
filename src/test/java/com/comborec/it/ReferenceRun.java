package com.comborec.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The clean {@code local[*]} run of {@link Submit#DAY} that the cluster runs (one of them with
 * failing task attempts) are compared with, and whose log LogPrivacyIT reads. Run once per test JVM
 * (Failsafe runs every IT class in one), in {@code target/it-work}.
 */
final class ReferenceRun {
  private static Proc run;

  private ReferenceRun() {}

  static Path output() {
    return Submit.project().resolve("target/it-work/reference/out");
  }

  static synchronized Proc get() {
    if (run == null) {
      delete(output().getParent());
      run =
          Submit.run(
              Submit.project().resolve("target/it-logs/reference-local.log"),
              Submit.nightly("local[*]", "client", output(), Submit.DAY, Map.of()));
    }
    return run;
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
