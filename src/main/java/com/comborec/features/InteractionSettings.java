package com.comborec.features;

import com.comborec.core.Settings;

/** How events become interaction strengths: the time-decay half-life and the quantity damping. */
public record InteractionSettings(double halfLifeDays, String quantityDamping) {
  /** weight * log1p(quantity): a second unit adds less than the first, ten units not ten times. */
  public static final String LOG1P = "log1p";
  /** weight * quantity. */
  public static final String LINEAR = "linear";
  /** weight alone; quantity ignored. */
  public static final String NONE = "none";

  public static InteractionSettings from(Settings s) {
    return new InteractionSettings(
        s.positiveDouble("half-life-days"), s.oneOf("quantity-damping", LOG1P, LINEAR, NONE));
  }

  /** The same settings with another half-life (the tuner's grid varies it). */
  public InteractionSettings withHalfLife(double days) {
    return new InteractionSettings(days, quantityDamping);
  }
}
