package com.comborec.recommend;

/**
 * The recommend stage's own constants; the contract's reason and strategy codes are the enums
 * {@link com.comborec.contract.Reason} and {@link com.comborec.contract.Strategy}.
 */
public final class Codes {
  /** The segment of every user when the segment stage has left no segments: "all users". */
  public static final int ALL_USERS_SEGMENT = 0;

  // candidate priorities: personal candidates first, then the user's segment, then everyone's
  static final int PERSONAL_PRIORITY = 0;
  static final int SEGMENT_PRIORITY = 1;
  static final int GLOBAL_PRIORITY = 2;

  private Codes() {}
}
