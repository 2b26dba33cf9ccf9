package com.comborec.generate;

/** One generated event before formatting; -1 / null mark the optional fields left empty. */
final class Event {
  static final String[] TYPES = {"view", "click", "add_to_cart", "wishlist", "purchase", "return"};
  static final int VIEW = 0;
  static final int CLICK = 1;
  static final int ADD_TO_CART = 2;
  static final int WISHLIST = 3;
  static final int PURCHASE = 4;
  static final int RETURN = 5;

  final int second;

  /** User index, or -1 for a guest. */
  final int user;

  final int item;
  final int type;
  final int quantity;
  final long unitPriceCents;
  final String orderId;

  Event(
      int second, int user, int item, int type, int quantity, long unitPriceCents, String orderId) {
    this.second = second;
    this.user = user;
    this.item = item;
    this.type = type;
    this.quantity = quantity;
    this.unitPriceCents = unitPriceCents;
    this.orderId = orderId;
  }
}
