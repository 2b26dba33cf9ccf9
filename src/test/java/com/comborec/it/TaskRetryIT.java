package com.comborec.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.cli.Stages;
import com.comborec.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task retries: with master {@code local[2,4]} (up to 4 attempts per task) and the first attempt of
 * every task of every stage failing ({@link TaskFaults}), the nightly run still publishes, and its
 * outputs equal the clean {@code local[*]} run's. Its own JVM, since the shared test session is
 * {@code local[2]} without retries.
 */
class TaskRetryIT {
  static final Set<String> EXACT = Set.of("rejects", "frequently_bought_together", "similar_items");

  @TempDir static Path tmp;
  static Proc clean;
  static Proc faulty;

  @BeforeAll
  static void runCleanAndFaulty() {
    clean = ReferenceRun.get();
    Map<String, String> faults =
        new java.util.HashMap<>(TaskFaults.sparkConf(Stages.names().toArray(String[]::new)));
    // The plugin is test code, never in the product jar: the driver (which hosts the local[2,4]
    // executor) loads it from the test classes.
    faults.put(
        "spark.driver.extraClassPath", Submit.project().resolve("target/test-classes").toString());
    faulty =
        Submit.run(
            Submit.project().resolve("target/it-logs/task-retry-local-2-4.log"),
            Submit.nightly("local[2,4]", "client", tmp.resolve("out"), Submit.DAY, faults));
    System.out.printf("TaskRetryIT timings: clean %s; faulty %s%n", clean, faulty);
  }

  @Test
  void bothRunsPublish() {
    assertEquals(0, clean.exitCode(), "clean run: " + clean.tail());
    assertEquals(0, faulty.exitCode(), "run with failing first attempts: " + faulty.tail());
  }

  @Test
  void firstAttemptsFailedInEveryStage() {
    List<String> failures =
        faulty
            .output()
            .lines()
            .filter(l -> l.contains("Lost task") && l.contains("injected first-attempt failure"))
            .toList();
    for (String stage : Stages.names()) {
      assertTrue(
          failures.stream().anyMatch(l -> l.contains("(" + stage + ": ")),
          "no injected task failure in stage "
              + stage
              + " among "
              + failures.size()
              + " lost tasks");
    }
  }

  @Test
  void outputsEqualTheCleanRun() throws IOException {
    List<String> diffs =
        OutputComparison.differences(ReferenceRun.output(), tmp.resolve("out"), EXACT);
    assertTrue(
        diffs.isEmpty(),
        "local[2,4] with failing first attempts vs clean local[*]:\n" + String.join("\n", diffs));
    String manifest = "_manifests/dt=" + Submit.DAY + ".json";
    Map<String, Object> a = Json.readMap(Files.readString(ReferenceRun.output().resolve(manifest)));
    Map<String, Object> b = Json.readMap(Files.readString(tmp.resolve("out").resolve(manifest)));
    assertEquals(a.get("inputs"), b.get("inputs"), "manifest input counts");
    assertEquals("published", b.get("status"), "manifest status");
  }
}
