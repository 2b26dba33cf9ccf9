package com.comborec.combos;

import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;

/**
 * The ways an item's companions can be ordered, in one place: {@code combos.fbt.order} pins one (or
 * "auto"), the nightly measures each on held-out baskets, and the manifest names them by {@link
 * #code()}. Every pair score is a function of the pair's baskets n_ab, confidence n_ab / n_a and
 * lift n_ab N / (n_a n_b), so it can be computed from {@code pair_stats} alone.
 */
public enum FbtOrder {
  /** P(b | a) = n_ab / n_a: the estimated chance that a basket holding a also holds b. */
  CONFIDENCE,
  /** n_ab N / (n_a n_b): how much more often than by chance; favours rare items. */
  LIFT,
  /**
   * (n_ab + m) / (n_a n_b / N + m): lift with a prior of m baskets at lift 1, so a pair seen in a
   * basket or two no longer outranks a pair seen in hundreds. n_a n_b / N = n_ab / lift.
   */
  SHRUNK_LIFT,
  /**
   * confidence x lift = n_ab^2 N / (n_a^2 n_b); ranks an anchor's companions as n_ab / sqrt(n_b).
   */
  CONFIDENCE_X_LIFT,
  /** P(b | a) - P(b) = confidence - confidence / lift: what the anchor adds to b's base rate. */
  ADDED_PROBABILITY,
  /** Not a pair score: the items in most baskets, the anchor excluded (the baseline). */
  POPULARITY;

  /** The name in configuration and the manifest. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** False for popularity, whose lists are the popular items alone. */
  public boolean scoresPairs() {
    return this != POPULARITY;
  }

  /**
   * The pair's score, higher first, from a companion struct with fields {@code baskets}, {@code
   * confidence} and {@code lift}; {@code shrinkBaskets} is m of {@link #SHRUNK_LIFT}. Only mined
   * pairs are scored, so baskets >= 1 and lift > 0.
   */
  public Column score(Column pair, double shrinkBaskets) {
    Column baskets = pair.getField("baskets").cast("double");
    Column confidence = pair.getField("confidence");
    Column lift = pair.getField("lift");
    return switch (this) {
      case CONFIDENCE -> confidence;
      case LIFT -> lift;
      case SHRUNK_LIFT ->
          baskets.plus(shrinkBaskets).divide(baskets.divide(lift).plus(shrinkBaskets));
      case CONFIDENCE_X_LIFT -> confidence.multiply(lift);
      case ADDED_PROBABILITY -> confidence.minus(confidence.divide(lift));
      case POPULARITY -> lit(0.0);
    };
  }

  /** The ordering with this code; unknown codes are refused with the valid ones listed. */
  public static FbtOrder of(String code) {
    return Arrays.stream(values())
        .filter(o -> o.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "order must be one of " + Arrays.toString(codes()) + ", got '" + code + "'"));
  }

  public static String[] codes() {
    return Arrays.stream(values()).map(FbtOrder::code).toArray(String[]::new);
  }

  /** Every pair ordering, in the order "auto" prefers on equal hit rates. */
  public static List<FbtOrder> pairOrders() {
    return Arrays.stream(values()).filter(FbtOrder::scoresPairs).toList();
  }
}
