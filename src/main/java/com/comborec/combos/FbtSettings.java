package com.comborec.combos;

import com.comborec.core.Settings;

/**
 * Frequently-bought-together thresholds: a pair is kept when it passes every minimum; each item
 * lists its top {@code topM} companions ordered by {@code order} ("lift" or "confidence").
 */
public record FbtSettings(
    long minBaskets,
    double minSupport,
    double minConfidence,
    double minLift,
    int topM,
    String order,
    int maxBasketItems) {

  public static FbtSettings from(Settings s) {
    return new FbtSettings(
        s.longAtLeast("min-baskets", 1),
        s.doubleIn("min-support", 0.0, 1.0),
        s.doubleIn("min-confidence", 0.0, 1.0),
        s.doubleIn("min-lift", 0.0, Double.MAX_VALUE),
        s.intAtLeast("top-m", 1),
        s.oneOf("order", "lift", "confidence"),
        s.intAtLeast("max-basket-items", 2));
  }
}
