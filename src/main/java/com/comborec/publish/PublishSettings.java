package com.comborec.publish;

import com.comborec.core.Settings;

/** How outputs are written: files per table and whether footers are checked before commit. */
public record PublishSettings(int filesPerTable, boolean verifyFooters, String schemaVersion) {

  public static PublishSettings from(Settings s) {
    return new PublishSettings(
        s.intAtLeast("files-per-table", 1), s.bool("verify-footers"), s.string("schema-version"));
  }
}
