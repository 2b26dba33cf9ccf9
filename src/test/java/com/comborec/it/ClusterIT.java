package com.comborec.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.cli.Stages;
import com.comborec.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job on a real Spark standalone cluster started by {@code scripts/cluster} (one
 * Worker, 2 cores, executors in their own JVMs), submitted through {@code scripts/spark-submit} in
 * client and in cluster deploy mode, and compared with a {@code local[*]} run of the same day. Then
 * a day without an events partition in both modes: exit 3 must reach the caller, and LATEST must
 * stay.
 *
 * <p>In the client-mode run the first attempt of every task of every stage fails ({@link
 * TaskFaults}): Spark's task retries on a real Worker must still give the local run's tables. (This
 * was a run of its own under {@code local[2,4]}; on the cluster it needs no extra nightly, which
 * saved about 40 s of the test command.)
 *
 * <p>Every run happens once up front, and the cluster is stopped in a finally; the tests check what
 * the runs left. Only six days are ingested ({@code ingest.catch-up-days=6}) to keep the whole
 * class near five minutes on a busy two-core machine.
 */
class ClusterIT {
  static final String DAY = Submit.DAY;

  /** data-samples has no events partition for this day: the CLI exits 3. */
  static final String MISSING_DAY = "2011-08-15";

  /** Tables whose rows do not depend on the number of partitions or cores. */
  static final Set<String> EXACT = Set.of("rejects", "frequently_bought_together", "similar_items");

  /**
   * The cluster's ports: as set in the environment, else four free ones, so parallel builds do not
   * clash.
   */
  static final Map<String, String> PORTS = ClusterPorts.fromEnvironmentOrFree();

  static final String MASTER = "spark://127.0.0.1:" + PORTS.get("COMBOREC_MASTER_PORT");

  @TempDir static Path tmp;
  static Path project;
  static Path logs;
  static Proc start;
  static String listeners;
  static Proc local;
  static Proc client;
  static Proc cluster;
  static Proc clientFail;
  static Proc clusterFail;
  static Proc stop;

  @BeforeAll
  static void runEverything() throws IOException {
    project = Submit.project();
    logs = project.resolve("target/it-logs/cluster");
    start = script("cluster-start", "scripts/cluster", "start");
    try {
      listeners = ssAvailable() ? script("ss", "ss", "-ltnp").output() : null;
      if (start.exitCode() == 0) {
        client = submit("client", MASTER, "client", DAY, firstAttemptsFail());
        cluster = submit("cluster", MASTER, "cluster", DAY);
        // Each failing day comes after its mode's clean day, whose LATEST it must leave. They
        // mostly wait (JVM starts; in cluster mode SparkSubmit's 5 s sleep and 10 s status polls),
        // so they run beside the CPU-bound local reference run rather than after it.
        CompletableFuture<List<Proc>> failingDays =
            CompletableFuture.supplyAsync(
                () ->
                    List.of(
                        submit("client", MASTER, "client", MISSING_DAY),
                        submit("cluster", MASTER, "cluster", MISSING_DAY)));
        local = ReferenceRun.get();
        clientFail = failingDays.join().get(0);
        clusterFail = failingDays.join().get(1);
      }
    } finally {
      stop = script("cluster-stop", "scripts/cluster", "stop");
      System.out.printf(
          "ClusterIT timings: start %s; local %s; client %s; cluster %s; client-fail %s;"
              + " cluster-fail %s; stop %s%n",
          start, local, client, cluster, clientFail, clusterFail, stop);
    }
  }

  static Proc script(String name, String... command) {
    return Proc.run(project, logs.resolve(name + ".log"), PORTS, 10, List.of(command));
  }

  static boolean ssAvailable() {
    return java.util.stream.Stream.of(System.getenv("PATH").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ss")));
  }

  /** One submit of {@code nightly}; outputs go to a temp folder per deploy mode. */
  static Proc submit(String mode, String master, String deployMode, String day) {
    return submit(mode, master, deployMode, day, Map.of());
  }

  static Proc submit(
      String mode, String master, String deployMode, String day, Map<String, String> spark) {
    return Submit.run(
        logs.resolve(mode + "-" + day + ".log"),
        Submit.nightly(master, deployMode, output(mode), day, spark),
        PORTS);
  }

  /**
   * The fault plugin on every stage, with Spark's default of 4 attempts per task stated. The plugin
   * is test code, never in the product jar: the driver and the Worker's executors load it from the
   * test classes (same machine).
   */
  static Map<String, String> firstAttemptsFail() {
    Map<String, String> conf =
        new HashMap<>(TaskFaults.sparkConf(Stages.names().toArray(String[]::new)));
    String testClasses = project.resolve("target/test-classes").toString();
    conf.put("spark.driver.extraClassPath", testClasses);
    conf.put("spark.executor.extraClassPath", testClasses);
    conf.put("spark.task.maxFailures", "4");
    return conf;
  }

  static Path output(String mode) {
    return mode.equals("local") ? ReferenceRun.output() : tmp.resolve(mode);
  }

  static Map<String, Object> manifest(String mode, String day) throws IOException {
    return Json.readMap(Files.readString(output(mode).resolve("_manifests/dt=" + day + ".json")));
  }

  @Test
  void clusterStartsAndStopsByScript() {
    assertEquals(0, start.exitCode(), "scripts/cluster start: " + start.tail());
    assertEquals(0, stop.exitCode(), "scripts/cluster stop: " + stop.tail());
  }

  @Test
  void masterAndWorkerListenOnLoopbackOnly() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        listeners != null, "ss (iproute2) is not installed");
    for (String daemon : List.of("master", "worker")) {
      List<String> lines = listenersOf(daemon);
      assertFalse(lines.isEmpty(), daemon + " listens on no port; ss -ltnp:\n" + listeners);
      for (String line : lines) {
        String local = line.trim().split("\\s+")[3];
        assertTrue(
            local.startsWith("127.0.0.1:") || local.startsWith("[::ffff:127.0.0.1]:"),
            daemon + " listens beyond loopback: " + line);
      }
    }
  }

  /** The {@code ss -ltnp} lines of a daemon, found by the pid its start recorded. */
  private static List<String> listenersOf(String daemon) throws IOException {
    // contains, not startsWith: a Maven run inside the script may leave colour codes at a line
    // start.
    String pid =
        start
            .output()
            .lines()
            .filter(l -> l.contains("cluster: " + daemon + " started, pid "))
            .map(l -> l.replaceAll(".*pid (\\d+).*", "$1"))
            .findFirst()
            .orElse("?");
    return listeners.lines().filter(l -> l.contains("pid=" + pid + ",")).toList();
  }

  @Test
  void bothDeployModesPublish() throws IOException {
    assertEquals(0, local.exitCode(), "local[*] run: " + local.tail());
    assertEquals(0, client.exitCode(), "client mode: " + client.tail());
    assertEquals(0, cluster.exitCode(), "cluster mode: " + cluster.tail());
    for (String mode : List.of("client", "cluster")) {
      assertEquals("published", manifest(mode, DAY).get("status"), mode + " manifest status");
    }
  }

  @Test
  void clusterModeDriverOutputIsInTheWorkersDriverFolder() throws IOException {
    String driver =
        cluster
            .output()
            .lines()
            .filter(l -> l.startsWith("spark-submit: driver driver-"))
            .map(l -> l.split(" ")[2])
            .findFirst()
            .orElse(null);
    assertNotNull(driver, "scripts/spark-submit names the driver: " + cluster.tail());
    Path stdout = project.resolve("target/spark-home/work").resolve(driver).resolve("stdout");
    assertTrue(
        Files.readString(stdout).contains("comborec: published " + DAY),
        stdout + " says it published");
  }

  @Test
  void clientModeMatchesLocalRun() {
    List<String> diffs = OutputComparison.differences(output("local"), output("client"), EXACT);
    assertTrue(diffs.isEmpty(), "client mode vs local[*]:\n" + String.join("\n", diffs));
  }

  @Test
  void clientModeRetriedAFailedFirstAttemptInEveryStage() {
    List<String> failures =
        client
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
  void clusterModeMatchesLocalRun() {
    List<String> diffs = OutputComparison.differences(output("local"), output("cluster"), EXACT);
    assertTrue(diffs.isEmpty(), "cluster mode vs local[*]:\n" + String.join("\n", diffs));
  }

  @Test
  void inputCountsInManifestsMatchLocalRun() throws IOException {
    Object expected = manifest("local", DAY).get("inputs");
    assertNotNull(expected, "local manifest has inputs");
    assertEquals(expected, manifest("client", DAY).get("inputs"), "client-mode manifest inputs");
    assertEquals(expected, manifest("cluster", DAY).get("inputs"), "cluster-mode manifest inputs");
  }

  @Test
  void missingEventsPartitionExitsThreeInClientMode() {
    assertEquals(
        3, clientFail.exitCode(), "client mode, " + MISSING_DAY + ": " + clientFail.tail());
  }

  /**
   * SparkSubmit says 0 for a FAILED driver; scripts/spark-submit recovers the driver's own code.
   */
  @Test
  void missingEventsPartitionExitsThreeInClusterModeThroughTheWrapper() {
    assertEquals(
        3, clusterFail.exitCode(), "cluster mode, " + MISSING_DAY + ": " + clusterFail.tail());
    assertTrue(
        clusterFail.output().contains("ended FAILED; exit 3 (SparkSubmit itself returned 0)"),
        "the wrapper names the driver state and SparkSubmit's own code: " + clusterFail.tail());
  }

  @Test
  void failedRunsLeaveLatestAndWriteAFailedManifest() throws IOException {
    for (String mode : List.of("client", "cluster")) {
      assertEquals(
          DAY + "\n",
          Files.readString(output(mode).resolve("LATEST")),
          mode + ": LATEST after the failure");
      Map<String, Object> failed = manifest(mode, MISSING_DAY);
      assertEquals("failed", failed.get("status"), mode + ": status of " + MISSING_DAY);
      assertEquals(
          3, ((Number) failed.get("exit_code")).intValue(), mode + ": exit_code of " + MISSING_DAY);
    }
  }
}
