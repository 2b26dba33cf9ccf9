package com.comborec.recommend;

/** The reason and strategy codes of the recommendations table (see the data contract). */
public final class Codes {
  // reasons
  public static final String PERSONAL = "personal";
  public static final String BOUGHT_WITH = "bought_with";
  public static final String SIMILAR_TO = "similar_to";

  /**
   * Both popularity fallbacks use this code: the contract has no "popular overall" reason, and with
   * no segments every user is in segment 0, "all users", so the item is popular in their segment.
   * The strategy column (segment_popular / global_popular) tells the two apart.
   */
  public static final String POPULAR_IN_SEGMENT = "popular_in_segment";

  /** The market's boost of a rising category moved the item into the list. */
  public static final String TRENDING = "trending";

  // strategies (the serving candidates als, cooccurrence, blend come from model.json)
  public static final String ALS = "als";
  public static final String COOCCURRENCE = "cooccurrence";
  public static final String BLEND = "blend";
  public static final String POPULAR = "popular";
  public static final String SEGMENT_POPULAR = "segment_popular";
  public static final String GLOBAL_POPULAR = "global_popular";

  /** The segment of every user when the segment stage has left no segments: "all users". */
  public static final int ALL_USERS_SEGMENT = 0;

  // candidate priorities: personal candidates first, then the user's segment, then everyone's
  static final int PERSONAL_PRIORITY = 0;
  static final int SEGMENT_PRIORITY = 1;
  static final int GLOBAL_PRIORITY = 2;

  private Codes() {}
}
