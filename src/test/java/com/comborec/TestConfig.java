package com.comborec;

import com.comborec.cli.Stages;
import com.comborec.core.ComboConfig;
import java.util.List;

/** The configuration tests start from: reference.conf with every section the pipeline registers. */
public final class TestConfig {
  private TestConfig() {}

  public static ComboConfig defaults() {
    return load(List.of());
  }

  public static ComboConfig load(List<String> overrides) {
    return ComboConfig.load(null, overrides, Stages.settings());
  }
}
