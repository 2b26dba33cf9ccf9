package com.comborec.combos;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;

/** The {@code comborec.combos} section: frequently bought together and similar items. */
public record CombosSettings(FbtSettings fbt, SimilarSettings similar) {
  /** The {@code comborec.combos} section. */
  public static final SettingsSection<CombosSettings> SECTION =
      SettingsSection.of("combos", CombosSettings::from);

  public static CombosSettings from(Settings s) {
    return new CombosSettings(
        FbtSettings.from(s.section("fbt")), SimilarSettings.from(s.section("similar")));
  }
}
