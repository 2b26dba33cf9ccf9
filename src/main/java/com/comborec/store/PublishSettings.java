package com.comborec.store;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;

/** How outputs are written: files per table and whether footers are checked before commit. */
public record PublishSettings(int filesPerTable, boolean verifyFooters, String schemaVersion) {
  /** The {@code comborec.publish} section. */
  public static final SettingsSection<PublishSettings> SECTION =
      SettingsSection.of("publish", PublishSettings::from);

  public static PublishSettings from(Settings s) {
    return new PublishSettings(
        s.intAtLeast("files-per-table", 1), s.bool("verify-footers"), s.string("schema-version"));
  }
}
