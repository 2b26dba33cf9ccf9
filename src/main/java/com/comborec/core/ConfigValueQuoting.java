package com.comborec.core;

/** Quotes a raw {@code --set} value as a HOCON string. */
final class ConfigValueQuoting {
  private ConfigValueQuoting() {}

  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
