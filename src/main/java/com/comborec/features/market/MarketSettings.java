package com.comborec.features.market;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;

/**
 * How market demand becomes ranking signals (section {@code comborec.market}): the short and long
 * windows of the trend, the strength and bound of the ranking boost, and the trend that counts as
 * rising (its inverse counts as falling).
 */
public record MarketSettings(
    int shortWindowDays,
    int longWindowDays,
    double boostStrength,
    double maxBoost,
    double risingThreshold) {
  /** The {@code comborec.market} section. */
  public static final SettingsSection<MarketSettings> SECTION =
      SettingsSection.of("market", MarketSettings::from);

  public MarketSettings {
    if (shortWindowDays < 1 || longWindowDays <= shortWindowDays) {
      throw new IllegalArgumentException(
          "need 1 <= short window < long window, got "
              + shortWindowDays
              + " and "
              + longWindowDays);
    }
    if (!(boostStrength >= 0) || !(maxBoost >= 1) || !(risingThreshold >= 1)) {
      throw new IllegalArgumentException(
          "need boost strength >= 0, max boost >= 1 and rising threshold >= 1");
    }
  }

  public static MarketSettings from(Settings s) {
    int shortDays = s.intAtLeast("short-window-days", 1);
    int longDays = s.intAtLeast("long-window-days", 2);
    s.check(
        longDays > shortDays,
        "long-window-days",
        "must be above short-window-days (%d), got %d",
        shortDays,
        longDays);
    double strength = s.doubleIn("boost-strength", 0, 10);
    double maxBoost = s.doubleIn("max-boost", 1, 100);
    double rising = s.doubleIn("rising-threshold", 1, 100);
    return new MarketSettings(shortDays, longDays, strength, maxBoost, rising);
  }

  /** The defaults of reference.conf, for tests and tools that run without a config. */
  public static MarketSettings defaults() {
    return new MarketSettings(7, 28, 0.5, 1.5, 1.1);
  }

  /** Trend at or below this counts as falling: the inverse of the rising threshold. */
  public double fallingThreshold() {
    return 1.0 / risingThreshold;
  }
}
