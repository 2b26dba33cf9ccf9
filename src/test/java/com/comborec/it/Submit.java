package com.comborec.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The submit line the integration tests run: {@code scripts/spark-submit} with the comborec jar and
 * {@code nightly} on data-samples. Only six days are ingested ({@code ingest.catch-up-days=6}) and
 * small partition counts are used, to keep each run short on a busy two-core machine.
 */
final class Submit {
  static final String DAY = "2011-07-31";

  private Submit() {}

  static Path project() {
    return Path.of(System.getProperty("comborec.project.dir", ".")).toAbsolutePath();
  }

  static String jar() {
    return System.getProperty("comborec.jar", project().resolve("target/comborec.jar").toString());
  }

  /**
   * {@code nightly --date day} on {@code master} in {@code deployMode}, with extra Spark
   * properties.
   */
  static List<String> nightly(
      String master, String deployMode, Path output, String day, Map<String, String> spark) {
    Path project = project();
    List<String> c =
        new ArrayList<>(
            List.of(
                "scripts/spark-submit",
                "--master",
                master,
                "--deploy-mode",
                deployMode,
                "--class",
                "com.comborec.cli.Main",
                "--driver-memory",
                "1g",
                "--driver-java-options",
                jvmOptions(project)
                    + " "
                    + jitFlags()
                    + " -Dlog4j2.configurationFile="
                    + project.resolve("conf/log4j2.properties"),
                "--conf",
                "spark.driver.host=127.0.0.1",
                "--conf",
                "spark.driver.bindAddress=127.0.0.1",
                "--conf",
                "spark.executor.memory=2g",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1"
                    + " -XX:ReservedCodeCacheSize=256m"));
    if (deployMode.equals("cluster")) {
      c.addAll(List.of("--conf", "spark.standalone.submit.waitAppCompletion=true"));
    }
    spark.forEach((k, v) -> c.addAll(List.of("--conf", k + "=" + v)));
    c.addAll(
        List.of(
            jar(),
            "nightly",
            "--date",
            day,
            "--conf",
            project.resolve("conf/cluster.conf").toString(),
            "--set",
            "input=\"" + project.resolve("data-samples") + "\"",
            "--set",
            "output=\"" + output + "\"",
            "--set",
            "ingest.catch-up-days=6",
            "--set",
            "publish.files-per-table=2",
            "--set",
            "spark.conf.\"spark.sql.shuffle.partitions\"=4",
            // Small data needs few iterations; the same settings in every mode keep the outputs
            // comparable.
            "--set",
            "model.als.max-iter=5",
            "--set",
            "model.als.rank=8",
            "--set",
            "segment.max-iterations=10"));
    return c;
  }

  /**
   * The test JVMs' JIT flags (pom.xml's {@code test.jit.flags}, passed by Failsafe): the runs'
   * drivers and executors live about a minute, too short for C2 to repay its compiling.
   */
  static String jitFlags() {
    return System.getProperty("comborec.test.jit.flags", "");
  }

  /**
   * Spark's module flags (conf/jvm-options) for the driver: a standalone cluster-mode driver is
   * started by the Worker without them, and KMeans' Kryo serialization then fails on java.nio.
   */
  static String jvmOptions(Path project) {
    try {
      return String.join(
          " ",
          java.nio.file.Files.readAllLines(project.resolve("conf/jvm-options")).stream()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Proc run(Path log, List<String> command) {
    return run(log, command, Map.of());
  }

  static Proc run(Path log, List<String> command, Map<String, String> env) {
    return Proc.run(project(), log, env, 20, command);
  }
}
