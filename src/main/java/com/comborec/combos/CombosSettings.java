package com.comborec.combos;

import com.comborec.core.Settings;

/** The {@code comborec.combos} section: frequently bought together and similar items. */
public record CombosSettings(FbtSettings fbt, SimilarSettings similar) {

  public static CombosSettings from(Settings s) {
    return new CombosSettings(
        FbtSettings.from(s.section("fbt")), SimilarSettings.from(s.section("similar")));
  }
}
