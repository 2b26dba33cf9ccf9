package com.comborec.ingest;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;
import java.util.Map;

/**
 * Data quality gates: the largest tolerated reject ratio per source, and the accepted band of
 * today's event volume relative to the median of the previous ingested days.
 */
public record GateSettings(
    Map<String, Double> maxRejectRatio,
    boolean volumeEnabled,
    double volumeMinRatio,
    double volumeMaxRatio,
    int volumeHistoryDays,
    int volumeMinHistory) {
  /** The {@code comborec.gates} section. */
  public static final SettingsSection<GateSettings> SECTION =
      SettingsSection.of("gates", GateSettings::from);

  public static GateSettings from(Settings s) {
    Map<String, Double> ratios = s.doubleMap("max-reject-ratio");
    for (Map.Entry<String, Double> e : ratios.entrySet()) {
      s.check(
          e.getValue() >= 0 && e.getValue() <= 1,
          "max-reject-ratio." + e.getKey(),
          "must be between 0 and 1, got %s",
          e.getValue());
    }
    Settings v = s.section("volume");
    double min = v.doubleIn("min-ratio", 0, Double.MAX_VALUE);
    double max = v.positiveDouble("max-ratio");
    v.check(min < max, "max-ratio", "must be above min-ratio (%s), got %s", min, max);
    return new GateSettings(
        Map.copyOf(ratios),
        v.bool("enabled"),
        min,
        max,
        v.intAtLeast("history-days", 1),
        v.intAtLeast("min-history", 1));
  }

  public double maxRejectRatio(String source) {
    return maxRejectRatio.getOrDefault(source, 1.0);
  }
}
