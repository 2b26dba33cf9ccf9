package com.comborec.model;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;
import com.comborec.model.candidates.AlsParams;
import com.comborec.model.candidates.Generator;
import com.comborec.model.ranker.RankerSettings;
import java.time.LocalDate;
import java.util.List;

/**
 * Candidate generators, the learned ranker, the rolling evaluation that chooses what serves, and
 * the model quality gate ({@code comborec.model}). See reference.conf for what each key means.
 *
 * @param serving "auto" (chosen by the evaluation) or a pinned {@link Serving} code
 * @param servingDepth items per user in the served lists handed to the recommend stage
 * @param repeatPurchase lists may hold items the user bought in the look-back window
 * @param popularityWindowDays distinct buyers of this many days rank the popularity fallback
 * @param segmentPopularityWindowDays the same for the segment fallback (segments are smaller)
 */
public record ModelSettings(
    AlsParams als,
    Eval eval,
    Ease ease,
    List<Double> blendWeights,
    RankerSettings ranker,
    String serving,
    int servingDepth,
    boolean repeatPurchase,
    int popularityWindowDays,
    int segmentPopularityWindowDays,
    int coocNeighbors,
    int coocMaxUserItems,
    Gate gate) {
  /** The {@code comborec.model} section. */
  public static final SettingsSection<ModelSettings> SECTION =
      new SettingsSection<>("model", (s, root) -> from(s, root.lookbackDays()));

  /**
   * The rolling evaluation: {@code cutoffs} recent cutoffs on the grid of {@code cutoffAnchor} +
   * forward-days x n (the latest whose forward windows end by the run day), each measured on the
   * {@code forwardDays} after it at K, over at most {@code maxUsers} users; a cutoff needs {@code
   * minHistoryDays} of events before it. {@code options} may serve; {@code popularity} is the floor
   * every option must hold at each cutoff (the first is the fallback).
   */
  public record Eval(
      int k,
      int cutoffs,
      int forwardDays,
      int maxUsers,
      int minHistoryDays,
      List<Serving> options,
      List<Generator> popularity,
      LocalDate cutoffAnchor) {}

  /** EASE's L2 penalty and the most-bought items it (and item-kNN) covers. */
  public record Ease(double lambda, int maxItems) {}

  /** Refuse a run whose serving NDCG@K falls below minNdcgRatio of the previous published one. */
  public record Gate(boolean enabled, boolean override, double minNdcgRatio) {
    /** The gate judges only when enabled and not overridden for this run. */
    public boolean active() {
      return enabled && !override;
    }
  }

  /** Reads the section; the evaluation's oldest cutoff must leave history in the look-back. */
  public static ModelSettings from(Settings s, int lookbackDays) {
    Eval eval = eval(s.section("eval"), lookbackDays);
    Settings g = s.section("gate");
    return new ModelSettings(
        AlsParams.from(s.section("als")),
        eval,
        new Ease(
            s.section("ease").positiveDouble("lambda"),
            s.section("ease").intAtLeast("max-items", 2)),
        weights(s),
        RankerSettings.from(s.section("ranker")),
        servingOption(s),
        s.intAtLeast("serving-depth", eval.k()),
        s.bool("repeat-purchase"),
        s.intAtLeast("popularity-window-days", 1),
        s.intAtLeast("segment-popularity-window-days", 1),
        s.intAtLeast("cooc-neighbors", 1),
        s.intAtLeast("cooc-max-user-items", 2),
        new Gate(g.bool("enabled"), g.bool("override"), g.doubleIn("min-ndcg-ratio", 0, 1)));
  }

  private static Eval eval(Settings e, int lookbackDays) {
    int cutoffs = e.intAtLeast("cutoffs", 1);
    int forward = e.intAtLeast("forward-days", 1);
    int minHistory = e.intAtLeast("min-history-days", 1);
    e.check(
        cutoffs * forward + minHistory <= lookbackDays,
        "cutoffs",
        "cutoffs x forward-days + min-history-days must fit in comborec.lookback-days (%d),"
            + " got %d x %d + %d",
        lookbackDays,
        cutoffs,
        forward,
        minHistory);
    return new Eval(
        e.intAtLeast("k", 1),
        cutoffs,
        forward,
        e.intAtLeast("max-users", 1),
        minHistory,
        servings(e, "options"),
        popularity(e),
        anchor(e, "cutoff-anchor"));
  }

  private static LocalDate anchor(Settings s, String key) {
    try {
      return LocalDate.parse(s.string(key));
    } catch (java.time.format.DateTimeParseException e) {
      throw s.fail(key, "must be a date (YYYY-MM-DD), got %s", s.string(key));
    }
  }

  private static List<Serving> servings(Settings s, String key) {
    try {
      List<Serving> out = s.strings(key).stream().map(Serving::of).toList();
      s.check(!out.contains(Serving.POPULAR), key, "lists the options beside popularity");
      return out;
    } catch (IllegalArgumentException e) {
      throw s.fail(key, "%s", e.getMessage());
    }
  }

  private static List<Generator> popularity(Settings s) {
    try {
      List<Generator> out = s.strings("popularity").stream().map(Generator::of).toList();
      s.check(
          !out.isEmpty() && out.stream().noneMatch(Generator::personal),
          "popularity",
          "must name at least one popularity generator (pop7, pop14, pop30, qty_pop, trending)");
      return out;
    } catch (IllegalArgumentException e) {
      throw s.fail("popularity", "%s", e.getMessage());
    }
  }

  private static List<Double> weights(Settings s) {
    List<Double> out = s.section("blend").doubles("weights");
    s.check(
        !out.isEmpty() && out.stream().allMatch(w -> w >= 0 && Double.isFinite(w)),
        "blend.weights",
        "must be a non-empty list of weights >= 0, got %s",
        out);
    return out;
  }

  private static String servingOption(Settings s) {
    String value = s.string("serving");
    if (!value.equals("auto")) {
      try {
        Serving.of(value);
      } catch (IllegalArgumentException e) {
        throw s.fail(
            "serving", "must be auto or one of the serving candidates: %s", e.getMessage());
      }
    }
    return value;
  }

  public int k() {
    return eval.k();
  }
}
