package com.comborec.contract;

import java.util.Locale;

/** What served a user's list: the contract's {@code strategy} values. */
public enum Strategy {
  ALS,
  COOCCURRENCE,
  BLEND,
  /** Fallback: the user's segment's popular items. */
  SEGMENT_POPULAR,
  /** Fallback: everyone's popular items (no segment, or no segment popularity). */
  GLOBAL_POPULAR;

  /** The value in the published {@code strategy} column. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
