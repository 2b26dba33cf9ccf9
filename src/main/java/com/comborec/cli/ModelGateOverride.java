package com.comborec.cli;

import com.comborec.core.ComboConfig;

/** Applies {@code --override-model-gate} where the model stage defines its gate switch. */
final class ModelGateOverride {
  private ModelGateOverride() {}

  static ComboConfig apply(ComboConfig config) {
    return config.with("model.gate.override=true");
  }
}
