package com.comborec.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulates shopping sessions of one day: a user (or guest) browses categories of their taste,
 * weighted by the day's category demand, carts some items and may buy them as one order, which
 * planted complements tend to join. Some sessions buy a whole planted set; a few lines are
 * returned.
 */
final class Shopper {
  static final double GUEST_SHARE = 0.12;
  static final double TASTE_SHARE = 0.8;
  static final double SET_SESSION = 0.05;
  static final double COMPLETE_SET = 0.5;
  static final double RETURN_RATE = 0.03;
  private static final double[] HOUR_CUM =
      Sampling.cumulative(
          new double[] {
            1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 3.5, 3.8, 4, 4.2, 4, 3.8, 3.8, 4, 4.5, 5.5, 6.5, 7,
            6, 4, 2
          });

  private final World world;
  private final Catalog catalog;
  private final int day;
  private final String orderPrefix;
  private final double[] leafCum;
  private int orders;

  Shopper(World world, int day, String orderPrefix) {
    this.world = world;
    this.catalog = world.catalog;
    this.day = day;
    this.orderPrefix = orderPrefix;
    double[] w = world.leafWeight.clone();
    for (int l = 0; l < w.length; l++) {
      w[l] *= world.demand.of(catalog.categories.topOf(l), day);
    }
    this.leafCum = Sampling.cumulative(w);
  }

  /** Appends one session's events, in time order, to {@code out}. */
  void session(Rng rng, List<Event> out) {
    int user = pickUser(rng);
    People.Taste taste = user >= 0 ? world.people.taste(user, catalog.categories) : null;
    int[] clock = {rng.pick(HOUR_CUM) * 3600 + rng.nextInt(3600)};
    List<Integer> cart = new ArrayList<>();
    if (rng.chance(SET_SESSION)) {
      browseSet(rng, user, taste, clock, cart, out);
    } else {
      browse(rng, user, taste, clock, cart, out);
    }
    if (!cart.isEmpty() && rng.chance(Math.min(0.9, 0.35 * world.demandOf(cart.get(0), day)))) {
      buy(rng, user, clock, cart, out);
    }
  }

  private int pickUser(Rng rng) {
    if (rng.chance(GUEST_SHARE)) {
      return -1;
    }
    int u = world.people.drawActive(rng);
    // Someone who signs up later this range shops as a guest until then.
    return world.people.signupDay(u) <= day ? u : -1;
  }

  private void browse(
      Rng rng, int user, People.Taste taste, int[] clock, List<Integer> cart, List<Event> out) {
    int steps = 1 + rng.geometric(4);
    for (int s = 0; s < steps; s++) {
      int item = pickItem(rng, taste);
      double r = rng.nextDouble();
      int type =
          r < 0.68
              ? Event.VIEW
              : r < 0.84 ? Event.CLICK : r < 0.87 ? Event.WISHLIST : Event.ADD_TO_CART;
      if (type == Event.ADD_TO_CART && !catalog.buyable(item, day)) {
        type = Event.VIEW;
      }
      if (type != Event.VIEW) {
        // Nobody clicks, wishes or carts what they have not seen.
        emit(out, clock, rng, user, item, Event.VIEW, -1, null);
      }
      emit(out, clock, rng, user, item, type, type == Event.ADD_TO_CART ? 1 : -1, null);
      if (type == Event.ADD_TO_CART && !cart.contains(item)) {
        cart.add(item);
      }
    }
  }

  /** A session that goes straight for a planted set, in a liked top category when there is one. */
  private void browseSet(
      Rng rng, int user, People.Taste taste, int[] clock, List<Integer> cart, List<Event> out) {
    int[] set = pickSet(rng, taste);
    if (set == null) {
      browse(rng, user, taste, clock, cart, out);
      return;
    }
    for (int item : set) {
      if (catalog.buyable(item, day)) {
        emit(out, clock, rng, user, item, Event.VIEW, -1, null);
        emit(out, clock, rng, user, item, Event.ADD_TO_CART, 1, null);
        cart.add(item);
      }
    }
  }

  /** A set of the user's home category 70% of the time, else any set outside the disliked ones. */
  private int[] pickSet(Rng rng, People.Taste taste) {
    Combos combos = world.combos;
    if (taste != null && rng.chance(0.7)) {
      int[] ofTop = combos.byTop[catalog.categories.topOf(taste.likedLeaves()[0])];
      if (ofTop.length > 0) {
        return combos.sets[ofTop[rng.nextInt(ofTop.length)]];
      }
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      int[] set = combos.sets[rng.nextInt(combos.sets.length)];
      if (taste == null || !taste.dislikes(catalog.top(set[0]))) {
        return set;
      }
    }
    return null;
  }

  private int pickItem(Rng rng, People.Taste taste) {
    for (int attempt = 0; attempt < 8; attempt++) {
      int leaf =
          taste != null && rng.chance(TASTE_SHARE) ? likedLeaf(rng, taste) : rng.pick(leafCum);
      if (taste != null && taste.dislikes(catalog.categories.topOf(leaf))) {
        continue;
      }
      int item = catalog.sampler.draw(leaf, rng);
      if (catalog.listed(item, day)) {
        return item;
      }
    }
    // Item number l is the first item of leaf l and listed from day 0.
    return taste != null ? taste.likedLeaves()[0] : 0;
  }

  private int likedLeaf(Rng rng, People.Taste taste) {
    double[] w = new double[3];
    for (int k = 0; k < 3; k++) {
      w[k] =
          taste.likedWeights()[k]
              * world.demand.of(catalog.categories.topOf(taste.likedLeaves()[k]), day);
    }
    return taste.likedLeaves()[rng.pick(Sampling.cumulative(w))];
  }

  private void buy(Rng rng, int user, int[] clock, List<Integer> cart, List<Event> out) {
    completeSets(rng, cart);
    String order = orderPrefix + Integer.toString(orders++, 36);
    List<Integer> returned = new ArrayList<>();
    for (int item : cart) {
      emit(
          out,
          clock,
          rng,
          user,
          item,
          Event.PURCHASE,
          rng.chance(0.85) ? 1 : rng.between(2, 4),
          order);
      if (rng.chance(RETURN_RATE)) {
        returned.add(item);
      }
    }
    for (int item : returned) {
      emit(out, clock, rng, user, item, Event.RETURN, 1, order);
    }
  }

  /** Bought together far above chance: a cart item's planted set joins the order half the time. */
  private void completeSets(Rng rng, List<Integer> cart) {
    for (int k = 0, n = cart.size(); k < n; k++) {
      int set = world.combos.setOf[cart.get(k)];
      if (set >= 0 && rng.chance(COMPLETE_SET)) {
        for (int other : world.combos.sets[set]) {
          if (!cart.contains(other) && catalog.buyable(other, day)) {
            cart.add(other);
          }
        }
      }
    }
  }

  private Event emit(
      List<Event> out,
      int[] clock,
      Rng rng,
      int user,
      int item,
      int type,
      int quantity,
      String order) {
    clock[0] = Math.min(86_399, clock[0] + 5 + rng.geometric(40));
    long price = quantity > 0 ? catalog.priceCents(item, day) : -1;
    Event e = new Event(clock[0], user, item, type, quantity, price, order);
    out.add(e);
    return e;
  }
}
