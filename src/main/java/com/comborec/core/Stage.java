package com.comborec.core;

import java.util.List;

/**
 * One pipeline stage. It reads what earlier stages left in the work store or staging, and leaves
 * its own results there; the publish stage is the only one that touches public folders.
 */
public interface Stage {
  /** The name used on the command line, in logs, in the Spark UI and in the manifest. */
  String name();

  /** One line for {@code --help}: what the stage reads and writes. */
  String description();

  /** The configuration sections this stage owns; validated with the rest before Spark starts. */
  default List<SettingsSection<?>> settings() {
    return List.of();
  }

  void run(RunContext ctx);
}
