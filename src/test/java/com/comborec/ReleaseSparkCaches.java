package com.comborec;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every test class, drops what it left cached in the shared {@link TestSpark} session: cached
 * Datasets and persisted RDDs (ALS keeps its factor RDDs). Classes run in turn in each Surefire
 * JVM, and frames a finished class never unpersisted are the likely reason a later end-to-end class
 * once ran out of Spark execution memory (UNABLE_TO_ACQUIRE_MEMORY); this keeps each class's memory
 * its own. Registered for every class by auto-detection
 * (src/test/resources/junit-platform.properties).
 */
public final class ReleaseSparkCaches implements AfterAllCallback {
  @Override
  public void afterAll(ExtensionContext context) {
    TestSpark.started()
        .ifPresent(
            spark -> {
              spark.catalog().clearCache();
              JavaSparkContext.fromSparkContext(spark.sparkContext())
                  .getPersistentRDDs()
                  .values()
                  .forEach(rdd -> rdd.unpersist(true));
            });
  }
}
