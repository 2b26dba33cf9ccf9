package com.comborec.bundle;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;
import java.util.HashSet;
import java.util.List;

/**
 * The {@code comborec.bundle} section: candidate selection, budget, the model's constraints and
 * weights, and the CP-SAT limits. Validated when the config loads; see docs/bundles.md.
 */
public record BundleSettings(
    int candidates,
    int bundlesPerSegment,
    int minSize,
    int maxSize,
    double budgetPercentile,
    int maxPerCategory,
    double marginFloor,
    double defaultMarginRate,
    int minStock,
    List<Double> discountLevels,
    double discountUplift,
    double propensityWeight,
    double affinityWeight,
    double marginWeight,
    String affinityMeasure,
    double timeLimitSeconds,
    int workers,
    String formulation) {
  /** The {@code comborec.bundle} section. */
  public static final SettingsSection<BundleSettings> SECTION =
      SettingsSection.of("bundle", BundleSettings::from);

  public static BundleSettings from(Settings s) {
    int minSize = s.intAtLeast("min-size", 1);
    Settings weights = s.section("weights");
    BundleSettings out =
        new BundleSettings(
            s.intAtLeast("candidates", 1),
            s.intAtLeast("bundles-per-segment", 1),
            minSize,
            s.intAtLeast("max-size", minSize),
            s.doubleIn("budget-percentile", 0, 1),
            s.intAtLeast("max-per-category", 1),
            s.doubleIn("margin-floor", 0, 0.95),
            s.doubleIn("default-margin-rate", 0, 1),
            s.intAtLeast("min-stock", 0),
            discountLevels(s),
            s.doubleIn("discount-uplift", 0, 100),
            weights.doubleIn("propensity", 0, 1e6),
            weights.doubleIn("affinity", 0, 1e6),
            weights.doubleIn("margin", 0, 1e6),
            s.oneOf("affinity-measure", "lift", "confidence"),
            s.positiveDouble("time-limit-seconds"),
            s.intAtLeast("workers", 1),
            s.oneOf("formulation", "full", "knapsack"));
    s.check(
        out.candidates() <= 30,
        "candidates",
        "must be <= 30: the model grows with the square of the candidates, got %d",
        out.candidates());
    return out;
  }

  /** The model's rules for the configured formulation. */
  public BundleRules rules() {
    if (formulation.equals("knapsack")) {
      return BundleRules.knapsack(bundlesPerSegment);
    }
    return new BundleRules(
        minSize,
        maxSize,
        maxPerCategory,
        marginFloor,
        minStock,
        discountLevels,
        propensityWeight,
        affinityWeight,
        marginWeight,
        discountUplift,
        bundlesPerSegment);
  }

  public SolverLimits limits() {
    return SolverLimits.of(timeLimitSeconds, workers);
  }

  private static List<Double> discountLevels(Settings s) {
    List<Double> levels = s.doubles("discount-levels");
    s.check(!levels.isEmpty(), "discount-levels", "must name at least one rate (0 = no discount)");
    s.check(
        new HashSet<>(levels).size() == levels.size(),
        "discount-levels",
        "must be distinct, got %s",
        levels);
    for (double level : levels) {
      s.check(
          level >= 0 && level < 1,
          "discount-levels",
          "every rate must be in [0, 1), got %s",
          level);
    }
    return List.copyOf(levels);
  }
}
