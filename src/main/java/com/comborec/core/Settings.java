package com.comborec.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Typed, validated reads from a Typesafe {@link Config} section. Every failure becomes exit 2 with
 * the full key name, so an operator can find the line in the conf file.
 */
public final class Settings {
  private final Config config;
  private final String prefix;

  public Settings(Config config, String prefix) {
    this.config = config;
    this.prefix = prefix;
  }

  public Settings section(String name) {
    return new Settings(guard(name, () -> config.getConfig(name)), key(name));
  }

  public String key(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  public boolean has(String name) {
    return config.hasPath(name);
  }

  public String string(String name) {
    return guard(name, () -> config.getString(name));
  }

  public String optionalString(String name) {
    if (!config.hasPath(name)) {
      return null;
    }
    String value = string(name);
    return value.isBlank() ? null : value;
  }

  public String oneOf(String name, String... allowed) {
    String value = string(name);
    for (String option : allowed) {
      if (option.equals(value)) {
        return value;
      }
    }
    throw fail(name, "must be one of %s, got '%s'", String.join(", ", allowed), value);
  }

  public boolean bool(String name) {
    return guard(name, () -> config.getBoolean(name));
  }

  public int intAtLeast(String name, int min) {
    int value = guard(name, () -> config.getInt(name));
    check(value >= min, name, "must be >= %d, got %d", min, value);
    return value;
  }

  public long longAtLeast(String name, long min) {
    long value = guard(name, () -> config.getLong(name));
    check(value >= min, name, "must be >= %d, got %d", min, value);
    return value;
  }

  /** A HOCON duration ({@code 10m}, {@code 90s}) of at least {@code min}. */
  public java.time.Duration durationAtLeast(String name, java.time.Duration min) {
    java.time.Duration value = guard(name, () -> config.getDuration(name));
    check(value.compareTo(min) >= 0, name, "must be at least %s, got %s", min, value);
    return value;
  }

  public double doubleIn(String name, double min, double max) {
    double value = guard(name, () -> config.getDouble(name));
    check(
        !Double.isNaN(value) && value >= min && value <= max,
        name,
        "must be between %s and %s, got %s",
        min,
        max,
        value);
    return value;
  }

  public double positiveDouble(String name) {
    double value = guard(name, () -> config.getDouble(name));
    check(value > 0 && Double.isFinite(value), name, "must be a positive number, got %s", value);
    return value;
  }

  public double finiteDouble(String name) {
    double value = guard(name, () -> config.getDouble(name));
    check(Double.isFinite(value), name, "must be a finite number, got %s", value);
    return value;
  }

  public List<String> strings(String name) {
    return guard(name, () -> new ArrayList<>(config.getStringList(name)));
  }

  public List<Double> doubles(String name) {
    return guard(name, () -> new ArrayList<>(config.getDoubleList(name)));
  }

  /** A map of finite numbers, e.g. event-type weights; keys keep their file order. */
  public Map<String, Double> doubleMap(String name) {
    Config sub = guard(name, () -> config.getConfig(name));
    Map<String, Double> out = new LinkedHashMap<>();
    for (String k : sub.root().keySet()) {
      double v = new Settings(sub, key(name)).finiteDouble(quoted(k));
      out.put(k, v);
    }
    return out;
  }

  /**
   * A section as flat key/value strings. Keys are given as written, without HOCON's path quoting:
   * {@code "spark.sql.shuffle.partitions" = 8} and {@code spark.sql.shuffle.partitions = 8} both
   * give the key {@code spark.sql.shuffle.partitions} (entrySet alone would keep the quotes).
   */
  public Map<String, String> stringMap(String name) {
    Config sub = guard(name, () -> config.getConfig(name));
    Map<String, String> out = new LinkedHashMap<>();
    sub.entrySet()
        .forEach(
            e ->
                out.put(
                    String.join(".", ConfigUtil.splitPath(e.getKey())),
                    String.valueOf(e.getValue().unwrapped())));
    return out;
  }

  public void check(boolean condition, String name, String format, Object... args) {
    if (!condition) {
      throw fail(name, format, args);
    }
  }

  public ComborecException fail(String name, String format, Object... args) {
    return ComborecException.usage(
        "configuration key '%s': %s", key(name), String.format(format, args));
  }

  private static String quoted(String k) {
    return "\"" + k.replace("\"", "\\\"") + "\"";
  }

  private <T> T guard(String name, Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigException.Missing e) {
      throw fail(name, "is missing");
    } catch (ConfigException.WrongType e) {
      throw fail(name, "has the wrong type (%s)", e.getMessage().replaceAll("^.*?: ", ""));
    } catch (ConfigException e) {
      throw fail(name, "%s", e.getMessage());
    }
  }
}
