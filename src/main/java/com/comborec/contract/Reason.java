package com.comborec.contract;

import java.util.Locale;

/** Why an item is in a user's recommendations: the contract's reason codes. */
public enum Reason {
  /** The collaborative model scored it for the user. */
  PERSONAL,
  /** It complements an item the user bought recently ({@code because_item_id} names it). */
  BOUGHT_WITH,
  /** It is like an item the user engaged with ({@code because_item_id} names it). */
  SIMILAR_TO,
  /**
   * Popular among the user's segment. Both popularity fallbacks use it: the contract has no
   * "popular overall" reason, and without segments every user is in segment 0, "all users". The
   * strategy column (segment_popular / global_popular) tells the two apart.
   */
  POPULAR_IN_SEGMENT,
  /** The market's boost of a rising category moved the item into the list. */
  TRENDING;

  /** The value in the published {@code reason} column. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
