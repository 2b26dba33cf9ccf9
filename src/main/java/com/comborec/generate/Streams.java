package com.comborec.generate;

/** Ids of the independent random streams, so that adding draws to one never shifts another. */
final class Streams {
  static final long POPULARITY = 1;
  static final long ITEM = 2;
  static final long LEAF_PRICE = 3;
  static final long PRICE = 4;
  static final long STOCK = 5;
  static final long USER = 6;
  static final long TASTE = 7;
  static final long DEMAND = 8;
  static final long MARKET = 9;
  static final long COMBOS = 10;
  static final long EVENTS = 11;
  static final long PRODUCTS = 12;
  static final long USERS_FILE = 13;
  static final long FEEDBACK = 14;
  static final long REJECTS = 15;
  static final long ACTIVITY = 16;

  private Streams() {}
}
