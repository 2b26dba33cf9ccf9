package com.comborec;

import com.comborec.core.ForklessLocalFileSystem;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession shared by all test classes of the JVM: starting Spark costs seconds,
 * and within each of Surefire's JVMs (forkCount 2) the classes run one after another, so sharing is
 * safe and fast.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("comborec-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              // Each test JVM runs a dozen nightlies and many stages whose plans recur; Spark's
              // cache of 100 compiled classes evicted them between runs, so Janino compiled them
              // again (about 6 % of the Surefire JVMs' CPU, measured in two alternating pairs).
              .config("spark.sql.codegen.cache.maxEntries", "5000")
              // As conf/local.conf: on test-sized data compiling whole stages costs more than it
              // saves.
              .config("spark.sql.codegen.wholeStage", "false")
              .config("spark.default.parallelism", "4")
              // As conf/local.conf: the driver lists local day folders, no Spark job per read.
              .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
              // As reference.conf: no chmod process per file written.
              .config("spark.hadoop.fs.file.impl", ForklessLocalFileSystem.class.getName())
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
              // As SparkSessions: lower() without ICU's 4-second first use.
              .config("spark.sql.icu.caseMappings.enabled", "false")
              .getOrCreate();
      session
          .sparkContext()
          .setCheckpointDir(
              Path.of(System.getProperty("java.io.tmpdir"), "comborec-test-checkpoints")
                  .toString());
    }
    return session;
  }

  /** The session if a class has started it; classes without Spark do not start one. */
  static synchronized Optional<SparkSession> started() {
    return Optional.ofNullable(session);
  }

  /** The project folder (data-samples, conf), set by Surefire. */
  public static Path projectDir() {
    return Path.of(System.getProperty("comborec.project.dir", "."));
  }
}
