package com.comborec.core;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession from the config; under spark-submit the master comes from the submit
 * line.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(ComboConfig config) {
    SparkSettings s = config.spark();
    SparkSession.Builder builder = SparkSession.builder().appName(s.appName());
    if (s.master() != null) {
      builder.master(s.master());
    }
    // Timestamps without an offset are read in the configured zone; partition values stay strings.
    builder.config("spark.sql.session.timeZone", config.timeZone().getId());
    builder.config("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
    // lower() through the JVM, as in Spark 3, not ICU: ICU's first use initialises a case-mapping
    // table in about 4 s on this machine, in every driver and executor JVM, while the task waits
    // (a twentieth of the quick start). What comborec lowercases (event types, actions, surfaces,
    // genders, category and brand keys) maps the same either way, but for the JVM's
    // locale-specific rules (Turkish dotless i); the config's spark.conf may set it back to true.
    builder.config("spark.sql.icu.caseMappings.enabled", "false");
    s.conf().forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    spark.conf().set("spark.sql.session.timeZone", config.timeZone().getId());
    spark.sparkContext().setCheckpointDir(s.checkpointDir());
    return spark;
  }
}
