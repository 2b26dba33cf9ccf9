package com.comborec.cli;

import com.comborec.core.ComboConfig;
import com.comborec.core.LockSettings;
import com.comborec.core.OutputLock;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;

/**
 * Runs a command that writes to the output root while holding the root's lock, taken before Spark
 * starts so that a second run is refused in a second or two.
 */
final class OutputLocks {
  private OutputLocks() {}

  static <T> T holding(ComboConfig config, String runId, String command, Supplier<T> body) {
    try (OutputLock lock =
        OutputLock.acquire(
            hadoop(config),
            config.paths().output(),
            config.get(LockSettings.SECTION),
            runId,
            command)) {
      return body.get();
    }
  }

  /** The Hadoop settings Spark would use: the {@code spark.hadoop.*} keys of the Spark conf. */
  static Configuration hadoop(ComboConfig config) {
    Configuration conf = new Configuration();
    config
        .spark()
        .conf()
        .forEach(
            (k, v) -> {
              if (k.startsWith("spark.hadoop.")) {
                conf.set(k.substring("spark.hadoop.".length()), v);
              }
            });
    return conf;
  }
}
