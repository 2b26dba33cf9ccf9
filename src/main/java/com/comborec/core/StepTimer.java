package com.comborec.core;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a named step: logs its start and end with the duration, and sets the Spark job description
 * so that the Spark UI reads like the code.
 */
public final class StepTimer {
  private static final Logger LOG = LoggerFactory.getLogger("comborec");

  private StepTimer() {}

  public static <T> T timed(SparkContext sc, String stage, String step, Supplier<T> body) {
    String label = stage + ": " + step;
    String previous = sc.getLocalProperty("spark.job.description");
    sc.setJobDescription(label);
    long start = System.nanoTime();
    LOG.info("[{}] {} ...", stage, step);
    try {
      T result = body.get();
      LOG.info("[{}] {} done in {}", stage, step, seconds(start));
      return result;
    } finally {
      sc.setJobDescription(previous);
    }
  }

  public static void timed(SparkContext sc, String stage, String step, Runnable body) {
    timed(
        sc,
        stage,
        step,
        () -> {
          body.run();
          return null;
        });
  }

  public static String seconds(long startNanos) {
    return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
