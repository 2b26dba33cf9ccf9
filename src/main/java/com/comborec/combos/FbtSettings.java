package com.comborec.combos;

import com.comborec.core.Settings;
import java.util.stream.Stream;

/**
 * Frequently-bought-together settings: a pair is kept when it passes every minimum; each item lists
 * its top {@code topM} companions in {@code order} ("auto" or a pinned {@link FbtOrder} code),
 * short lists filled with popular items when {@code fillPopular}. The nightly measures every
 * ordering on the baskets of the last {@code evalDays} days (0: no measurement) at hit rate@{@code
 * evalK}.
 */
public record FbtSettings(
    long minBaskets,
    double minSupport,
    double minConfidence,
    double minLift,
    int topM,
    String order,
    double shrinkBaskets,
    boolean fillPopular,
    int maxBasketItems,
    int evalDays,
    int evalK) {

  /** {@code order = auto}: publish the ordering that measured best. */
  public static final String AUTO = "auto";

  static final String[] ORDER_OPTIONS =
      Stream.concat(Stream.of(AUTO), Stream.of(FbtOrder.codes())).toArray(String[]::new);

  /** Reads the section; the measured days must leave earlier days of the look-back to mine. */
  public static FbtSettings from(Settings s, int lookbackDays) {
    int topM = s.intAtLeast("top-m", 1);
    int evalDays = s.intAtLeast("eval-days", 0);
    s.check(
        evalDays < lookbackDays,
        "eval-days",
        "must be below comborec.lookback-days (%d), got %d",
        lookbackDays,
        evalDays);
    int evalK = s.intAtLeast("eval-k", 1);
    s.check(evalK <= topM, "eval-k", "must be at most top-m (%d), got %d", topM, evalK);
    return new FbtSettings(
        s.longAtLeast("min-baskets", 1),
        s.doubleIn("min-support", 0.0, 1.0),
        s.doubleIn("min-confidence", 0.0, 1.0),
        s.doubleIn("min-lift", 0.0, Double.MAX_VALUE),
        topM,
        s.oneOf("order", ORDER_OPTIONS),
        s.doubleIn("shrink-baskets", 0.0, Double.MAX_VALUE),
        s.bool("fill-popular"),
        s.intAtLeast("max-basket-items", 2),
        evalDays,
        evalK);
  }

  public boolean auto() {
    return AUTO.equals(order);
  }

  /** The pinned ordering; only when not {@link #auto()}. */
  public FbtOrder pinned() {
    return FbtOrder.of(order);
  }

  public boolean measured() {
    return evalDays > 0;
  }
}
