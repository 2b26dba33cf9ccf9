package com.comborec.combos;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;

/** The {@code comborec.combos} section: frequently bought together and similar items. */
public record CombosSettings(FbtSettings fbt, SimilarSettings similar) {
  /** The {@code comborec.combos} section; the FBT measurement is checked against the look-back. */
  public static final SettingsSection<CombosSettings> SECTION =
      new SettingsSection<>("combos", (s, root) -> from(s, root.lookbackDays()));

  public static CombosSettings from(Settings s, int lookbackDays) {
    return new CombosSettings(
        FbtSettings.from(s.section("fbt"), lookbackDays),
        SimilarSettings.from(s.section("similar")));
  }
}
