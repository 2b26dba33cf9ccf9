package com.comborec.responsible;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;
import java.io.Serializable;

/**
 * Diversity control of the served lists ({@code comborec.responsible}); every option is off by
 * default, so a run without this section ranks purely by relevance.
 *
 * @param maxPerCategory at most this many items of one category per list; 0 = no cap
 * @param mmrLambda weight of relevance against diversity in the MMR re-rank; 1.0 = relevance only
 * @param popularityDebiasPower scores are divided by popularity^power; 0 = no debias
 */
public record ResponsibleSettings(
    int maxPerCategory, double mmrLambda, double popularityDebiasPower) implements Serializable {
  /** The {@code comborec.responsible} section. */
  public static final SettingsSection<ResponsibleSettings> SECTION =
      SettingsSection.of("responsible", ResponsibleSettings::from);

  private static final long serialVersionUID = 1L;

  /** Relevance order, untouched. */
  public static ResponsibleSettings off() {
    return new ResponsibleSettings(0, 1.0, 0.0);
  }

  public static ResponsibleSettings from(Settings s) {
    return new ResponsibleSettings(
        s.intAtLeast("max-per-category", 0),
        s.doubleIn("mmr-lambda", 0.0, 1.0),
        // Beyond ~3 the popularity term swamps any model score; a larger value is a typo.
        s.doubleIn("popularity-debias-power", 0.0, 3.0));
  }

  public boolean capOn() {
    return maxPerCategory > 0;
  }

  public boolean mmrOn() {
    return mmrLambda < 1.0;
  }

  public boolean debiasOn() {
    return popularityDebiasPower > 0.0;
  }

  /** True when any option changes the relevance order. */
  public boolean enabled() {
    return capOn() || mmrOn() || debiasOn();
  }

  /** The same debias power with another MMR weight and category cap (the trade-off grid). */
  public ResponsibleSettings with(double lambda, int cap) {
    return new ResponsibleSettings(cap, lambda, popularityDebiasPower);
  }

  /** The same cap and MMR weight with another debias power. */
  public ResponsibleSettings withDebias(double power) {
    return new ResponsibleSettings(maxPerCategory, mmrLambda, power);
  }
}
