package com.comborec.core;

import com.comborec.bundle.BundleSettings;
import com.comborec.combos.CombosSettings;
import com.comborec.features.InteractionSettings;
import com.comborec.features.market.MarketSettings;
import com.comborec.ingest.GateSettings;
import com.comborec.ingest.IngestSettings;
import com.comborec.model.ModelSettings;
import com.comborec.publish.PublishSettings;
import com.comborec.recommend.RecommendSettings;
import com.comborec.responsible.PrivacySettings;
import com.comborec.responsible.ResponsibleSettings;
import com.comborec.segment.SegmentSettings;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.time.DateTimeException;
import java.time.ZoneId;
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
  private final StoragePaths paths;
  private final ZoneId timeZone;
  private final int lookbackDays;
  private final SparkSettings spark;
  private final IngestSettings ingest;
  private final GateSettings gates;
  private final PublishSettings publish;
  private final CombosSettings combos;
  private final BundleSettings bundle;
  private final SegmentSettings segment;
  private final InteractionSettings interactions;
  private final ModelSettings model;
  private final MarketSettings market;
  private final RecommendSettings recommend;
  private final ResponsibleSettings responsible;
  private final PrivacySettings privacy;

  private ComboConfig(Config raw) {
    this.raw = raw;
    Settings root = new Settings(raw.getConfig("comborec"), "comborec");
    this.paths = StoragePaths.from(root);
    this.timeZone = zone(root);
    this.lookbackDays = root.intAtLeast("lookback-days", 1);
    this.spark = SparkSettings.from(root.section("spark"), paths);
    this.ingest = IngestSettings.from(root.section("ingest"));
    this.gates = GateSettings.from(root.section("gates"));
    this.publish = PublishSettings.from(root.section("publish"));
    this.combos = CombosSettings.from(root.section("combos"));
    this.bundle = BundleSettings.from(root.section("bundle"));
    this.segment = SegmentSettings.from(root.section("segment"));
    this.interactions = InteractionSettings.from(root.section("interactions"));
    this.model = ModelSettings.from(root.section("model"));
    this.market = MarketSettings.from(root.section("market"));
    this.recommend = RecommendSettings.from(root.section("recommend"));
    this.responsible = ResponsibleSettings.from(root.section("responsible"));
    this.privacy = PrivacySettings.from(root.section("privacy"), lookbackDays);
  }

  /** Loads and validates; every problem is exit 2 with the key named. */
  public static ComboConfig load(File confFile, List<String> overrides) {
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
    return new ComboConfig(resolved);
  }

  public static ComboConfig defaults() {
    return load(null, List.of());
  }

  /** A copy with more overrides applied, e.g. a test's output folder. */
  public ComboConfig with(String... overrides) {
    Config merged = raw;
    for (String override : overrides) {
      merged = parseOverride(override).withFallback(merged);
    }
    return new ComboConfig(resolve(merged));
  }

  public StoragePaths paths() {
    return paths;
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  /** Days of events (ending on the run day) that every stage reads. */
  public int lookbackDays() {
    return lookbackDays;
  }

  public SparkSettings spark() {
    return spark;
  }

  public IngestSettings ingest() {
    return ingest;
  }

  public GateSettings gates() {
    return gates;
  }

  public PublishSettings publish() {
    return publish;
  }

  public CombosSettings combos() {
    return combos;
  }

  public BundleSettings bundle() {
    return bundle;
  }

  public SegmentSettings segment() {
    return segment;
  }

  public InteractionSettings interactions() {
    return interactions;
  }

  public ModelSettings model() {
    return model;
  }

  public MarketSettings market() {
    return market;
  }

  public RecommendSettings recommend() {
    return recommend;
  }

  public ResponsibleSettings responsible() {
    return responsible;
  }

  public PrivacySettings privacy() {
    return privacy;
  }

  /**
   * The section of the raw config under {@code comborec.<name>}, for stages that own their section.
   */
  public Settings section(String name) {
    return new Settings(raw.getConfig("comborec"), "comborec").section(name);
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
