package com.comborec.cli;

import com.comborec.core.ComboConfig;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every subcommand shares: a conf file and repeatable key=value overrides. */
public final class ConfigOptions {
  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description =
          "HOCON file with overrides of reference.conf (e.g. conf/local.conf, conf/cluster.conf); "
              + "default: $COMBOREC_CONF if set.")
  File conf;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one key, repeatable; the 'comborec.' prefix is optional, e.g. --set"
              + " recommend.top-n=20.")
  List<String> overrides = new ArrayList<>();

  /** Loads and validates the configuration; fails with exit 2 before Spark starts. */
  public ComboConfig load() {
    File file = conf;
    String fromEnv = System.getenv("COMBOREC_CONF");
    if (file == null && fromEnv != null && !fromEnv.isBlank()) {
      file = new File(fromEnv);
    }
    return ComboConfig.load(file, overrides, Stages.settings());
  }
}
