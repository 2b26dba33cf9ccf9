package com.comborec.contract;

import java.util.Locale;

/** What served a user's list: the contract's {@code strategy} values. */
public enum Strategy {
  ALS,
  COOCCURRENCE,
  /** EASE blended with recent popularity. */
  BLEND,
  /** EASE, the closed-form item-item model (added in manifest schema 1.1). */
  EASE,
  /** Cosine item-kNN (added in 1.1). */
  ITEM_KNN,
  /** The learned ranker over the candidate generators (added in 1.1). */
  RANKER,
  /** Fallback: the user's segment's popular items. */
  SEGMENT_POPULAR,
  /** Fallback: everyone's popular items (no segment, or no segment popularity). */
  GLOBAL_POPULAR;

  /** The value in the published {@code strategy} column. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
