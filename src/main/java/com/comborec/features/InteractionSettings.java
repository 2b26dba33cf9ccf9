package com.comborec.features;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How events and feedback become interaction strengths: the time-decay half-life, the quantity
 * damping and the weights of the feedback actions that count (click, add_to_cart, purchase).
 */
public record InteractionSettings(
    double halfLifeDays, String quantityDamping, Map<String, Double> feedbackWeights) {
  /** The {@code comborec.interactions} section. */
  public static final SettingsSection<InteractionSettings> SECTION =
      SettingsSection.of("interactions", InteractionSettings::from);

  /** weight * log1p(quantity): a second unit adds less than the first, ten units not ten times. */
  public static final String LOG1P = "log1p";

  /** weight * quantity. */
  public static final String LINEAR = "linear";

  /** weight alone; quantity ignored. */
  public static final String NONE = "none";

  /** The feedback actions that may carry a weight; impressions and dismissals never do. */
  public static final List<String> FEEDBACK_ACTIONS = List.of("click", "add_to_cart", "purchase");

  public InteractionSettings {
    feedbackWeights = Map.copyOf(feedbackWeights);
  }

  /** Settings without feedback weights: feedback adds nothing (the events-only computations). */
  public InteractionSettings(double halfLifeDays, String quantityDamping) {
    this(halfLifeDays, quantityDamping, Map.of());
  }

  public static InteractionSettings from(Settings s) {
    return new InteractionSettings(
        s.positiveDouble("half-life-days"),
        s.oneOf("quantity-damping", LOG1P, LINEAR, NONE),
        feedbackWeights(s.section("feedback-weights")));
  }

  /** Each of the three actions must be there (unknown keys are refused upstream) and be >= 0. */
  private static Map<String, Double> feedbackWeights(Settings s) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String action : FEEDBACK_ACTIONS) {
      double w = s.finiteDouble(action);
      s.check(w >= 0, action, "must be >= 0 (a feedback action never subtracts), got %s", w);
      out.put(action, w);
    }
    return out;
  }

  /** The same settings with another half-life (the tuner's grid varies it). */
  public InteractionSettings withHalfLife(double days) {
    return new InteractionSettings(days, quantityDamping, feedbackWeights);
  }
}
