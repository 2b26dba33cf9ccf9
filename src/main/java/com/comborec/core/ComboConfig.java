package com.comborec.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one immutable, validated configuration of a run. Built from {@code reference.conf}, then an
 * optional conf file, then {@code --set key=value} overrides; validated completely before Spark
 * starts, so a typo costs seconds rather than a cluster slot.
 */
public final class ComboConfig {
  /** Sections whose keys are free-form (user-defined names), so unknown keys are allowed there. */
  private static final List<String> OPEN_SECTIONS =
      List.of(
          "comborec.spark.conf.",
          "comborec.ingest.event-types.",
          "comborec.gates.max-reject-ratio.");

  private final Config raw;
  private final RootSettings root;
  private final List<SettingsSection<?>> sections;
  private final Map<String, Object> values = new LinkedHashMap<>();

  private ComboConfig(Config raw, List<SettingsSection<?>> sections) {
    this.raw = raw;
    this.sections = List.copyOf(sections);
    Settings top = new Settings(raw.getConfig("comborec"), "comborec");
    StoragePaths paths = StoragePaths.from(top);
    this.root =
        new RootSettings(
            paths,
            zone(top),
            top.intAtLeast("lookback-days", 1),
            SparkSettings.from(top.section("spark"), paths));
    for (SettingsSection<?> section : sections) {
      Object previous =
          values.put(section.name(), section.reader().read(top.section(section.name()), root));
      if (previous != null) {
        throw new IllegalStateException(
            "settings section '" + section.name() + "' is registered twice");
      }
    }
  }

  /**
   * Loads and validates the root values and every registered section; every problem is exit 2 with
   * the key named.
   */
  public static ComboConfig load(
      File confFile, List<String> overrides, List<SettingsSection<?>> sections) {
    Config reference =
        ConfigFactory.parseResources(ComboConfig.class.getClassLoader(), "reference.conf");
    Config merged = reference;
    if (confFile != null) {
      if (!confFile.isFile()) {
        throw ComborecException.usage("configuration file '%s' does not exist", confFile);
      }
      merged = parseFile(confFile).withFallback(merged);
    }
    for (String override : overrides) {
      merged = parseOverride(override).withFallback(merged);
    }
    Config resolved = resolve(merged);
    rejectUnknownKeys(resolved, reference);
    return new ComboConfig(resolved, sections);
  }

  /** A copy with more overrides applied (e.g. a test's output folder), validated again. */
  public ComboConfig with(String... overrides) {
    Config merged = raw;
    for (String override : overrides) {
      merged = parseOverride(override).withFallback(merged);
    }
    return new ComboConfig(resolve(merged), sections);
  }

  /** A registered section's validated settings. */
  @SuppressWarnings("unchecked")
  public <T> T get(SettingsSection<T> section) {
    Object value = values.get(section.name());
    if (value == null) {
      throw new IllegalStateException(
          "settings section '"
              + section.name()
              + "' is not registered: list it in the owning stage's settings()");
    }
    return (T) value;
  }

  public StoragePaths paths() {
    return root.paths();
  }

  public ZoneId timeZone() {
    return root.timeZone();
  }

  /** Days of events (ending on the run day) that every stage reads. */
  public int lookbackDays() {
    return root.lookbackDays();
  }

  public SparkSettings spark() {
    return root.spark();
  }

  /** Every effective value, flattened and sorted; this is what the log and the manifest show. */
  public Map<String, String> effectiveValues() {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : raw.getConfig("comborec").entrySet()) {
      out.put("comborec." + e.getKey(), e.getValue().render(ConfigRenderOptions.concise()));
    }
    return out;
  }

  private static Config parseFile(File file) {
    try {
      return ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (com.typesafe.config.ConfigException e) {
      throw ComborecException.usage("configuration file '%s' is invalid: %s", file, e.getMessage());
    }
  }

  private static Config parseOverride(String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw ComborecException.usage("--set expects key=value, got '%s'", override);
    }
    String key = override.substring(0, eq).trim();
    String value = override.substring(eq + 1).trim();
    String path = key.startsWith("comborec.") ? key : "comborec." + key;
    try {
      return ConfigFactory.parseString(path + " = " + value);
    } catch (com.typesafe.config.ConfigException e) {
      // An unquoted value that is not valid HOCON (e.g. a path with ':') is taken as a string.
      return ConfigFactory.parseString(path + " = " + ConfigValueQuoting.quote(value));
    }
  }

  private static Config resolve(Config merged) {
    try {
      return merged.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(false));
    } catch (com.typesafe.config.ConfigException e) {
      throw ComborecException.usage("configuration cannot be resolved: %s", e.getMessage());
    }
  }

  private static void rejectUnknownKeys(Config resolved, Config reference) {
    for (Map.Entry<String, ConfigValue> e : resolved.getConfig("comborec").entrySet()) {
      String key = "comborec." + e.getKey();
      boolean open = OPEN_SECTIONS.stream().anyMatch(key::startsWith);
      if (!open && !reference.hasPathOrNull(key)) {
        throw ComborecException.usage(
            "configuration key '%s' is unknown (see reference.conf for the valid keys)", key);
      }
    }
  }

  private static ZoneId zone(Settings s) {
    String id = s.string("time-zone");
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw s.fail("time-zone", "is not a time zone id: '%s'", id);
    }
  }
}
