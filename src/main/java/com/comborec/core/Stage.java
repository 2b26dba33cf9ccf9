package com.comborec.core;

import java.util.List;

/**
 * One pipeline stage. It reads what earlier stages left in the work store or staging, leaves its
 * own datasets there, and returns what it has to say about the run as a typed result; the publish
 * step is the only one that touches public folders.
 *
 * @param <R> the stage's result, serialised into the run manifest
 */
public interface Stage<R extends StageResult> {
  /** The name used on the command line, in logs, in the Spark UI and in the manifest. */
  String name();

  /** One line for {@code --help}: what the stage reads and writes. */
  String description();

  /** The configuration sections this stage owns; validated with the rest before Spark starts. */
  default List<SettingsSection<?>> settings() {
    return List.of();
  }

  R run(RunContext ctx);
}
