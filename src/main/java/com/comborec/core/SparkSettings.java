package com.comborec.core;

import java.util.Map;

/** How the SparkSession is built; {@code master} is empty under spark-submit, which sets it. */
public record SparkSettings(
    String master, String appName, String checkpointDir, Map<String, String> conf) {

  static SparkSettings from(Settings s, StoragePaths paths) {
    String checkpoint = s.optionalString("checkpoint-dir");
    return new SparkSettings(
        s.optionalString("master"),
        s.string("app-name"),
        checkpoint == null ? paths.work() + "/_checkpoints" : checkpoint,
        s.stringMap("conf"));
  }
}
