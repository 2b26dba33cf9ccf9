package com.comborec.bench;

import com.comborec.cli.Stages;
import com.comborec.core.ComboConfig;
import com.comborec.core.SparkSessions;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** {@code --name value} pairs (repeatable) for the benchmark mains; no flags without values. */
final class BenchArgs {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  BenchArgs(String[] args, String usage) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        System.err.println(usage);
        System.exit(2);
      }
      values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
    }
  }

  String get(String name, String fallback) {
    List<String> v = values.get(name);
    return v == null ? fallback : v.get(v.size() - 1);
  }

  String required(String name) {
    String v = get(name, null);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  int intValue(String name, int fallback) {
    return Integer.parseInt(get(name, String.valueOf(fallback)));
  }

  /**
   * A local Spark session from the comborec config of {@code --conf} (else {@code $COMBOREC_CONF})
   * and every {@code --set}, on {@code local[*]} unless the config names a master.
   */
  SparkSession session() {
    String conf = get("conf", System.getenv("COMBOREC_CONF"));
    ComboConfig config =
        ComboConfig.load(conf == null ? null : new File(conf), all("set"), Stages.settings());
    if (config.spark().master() == null) {
      config = config.with("spark.master=\"local[*]\"");
    }
    return SparkSessions.create(config);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
