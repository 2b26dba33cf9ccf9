package com.comborec.model;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;
import com.comborec.model.candidates.AlsParams;

/**
 * Model training, offline evaluation, serving choice and the model quality gate ({@code
 * comborec.model}). See reference.conf for what each key means.
 */
public record ModelSettings(
    AlsParams als,
    Eval eval,
    String serving,
    double blendWeight,
    int blendDepth,
    int coocNeighbors,
    int coocMaxUserItems,
    int popularityWindowDays,
    Gate gate) {
  /** The {@code comborec.model} section. */
  public static final SettingsSection<ModelSettings> SECTION =
      new SettingsSection<>("model", (s, root) -> from(s, root.lookbackDays()));

  /** Serving candidates a run may pin; "auto" picks the best NDCG@K. */
  public static final String[] SERVING_OPTIONS =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of("auto"), java.util.Arrays.stream(Serving.codes()))
          .toArray(String[]::new);

  /** Time-based holdout: the last {@code holdoutDays} days are the test period; metrics at K. */
  public record Eval(int holdoutDays, int k) {}

  /** Refuse a run whose serving NDCG@K falls below minNdcgRatio of the previous published one. */
  public record Gate(boolean enabled, boolean override, double minNdcgRatio) {
    /** The gate judges only when enabled and not overridden for this run. */
    public boolean active() {
      return enabled && !override;
    }
  }

  /** Reads the section; the holdout must leave training days inside the look-back window. */
  public static ModelSettings from(Settings s, int lookbackDays) {
    Settings e = s.section("eval");
    Settings g = s.section("gate");
    int holdoutDays = e.intAtLeast("holdout-days", 1);
    e.check(
        holdoutDays < lookbackDays,
        "holdout-days",
        "must be below comborec.lookback-days (%d), got %d",
        lookbackDays,
        holdoutDays);
    return new ModelSettings(
        AlsParams.from(s.section("als")),
        new Eval(holdoutDays, e.intAtLeast("k", 1)),
        s.oneOf("serving", SERVING_OPTIONS),
        s.doubleIn("blend-weight", 0, 1),
        s.intAtLeast("blend-depth", 1),
        s.intAtLeast("cooc-neighbors", 1),
        s.intAtLeast("cooc-max-user-items", 2),
        s.intAtLeast("popularity-window-days", 1),
        new Gate(g.bool("enabled"), g.bool("override"), g.doubleIn("min-ndcg-ratio", 0, 1)));
  }

  public int k() {
    return eval.k();
  }
}
