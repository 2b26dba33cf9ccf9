package com.comborec.cli;

import com.comborec.core.ComboConfig;
import com.comborec.core.SparkSessions;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Spark for a subcommand after the config is validated, and stops it afterwards unless it
 * was already running (tests share one session).
 */
final class SparkCommand {
  private static final Logger LOG = LoggerFactory.getLogger("comborec");

  private SparkCommand() {}

  static <T> T withSpark(ComboConfig config, Function<SparkSession, T> body) {
    config.effectiveValues().forEach((k, v) -> LOG.info("[config] {} = {}", k, v));
    boolean existing =
        SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
    ComboConfig effective = config;
    if (config.spark().master() == null
        && System.getProperty("spark.master") == null
        && !existing) {
      LOG.info("[config] no Spark master set (not under spark-submit): using local[*]");
      effective = config.with("spark.master=\"local[*]\"");
    }
    SparkSession spark = SparkSessions.create(effective);
    try {
      return body.apply(spark);
    } finally {
      if (!existing) {
        spark.stop();
      }
    }
  }
}
