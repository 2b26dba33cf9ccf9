package com.comborec.model.candidates;

import java.util.Arrays;
import java.util.Locale;

/**
 * The candidate generators: each proposes, for every user, the items it scores best among those the
 * user has not bought. They serve as baselines in the backtest, as inputs (scores and ranks) of the
 * learned ranker, and some as serving candidates on their own.
 */
public enum Generator {
  /** EASE over the most-bought items (closed-form item-item regression). */
  EASE(true),
  /** Cosine item-kNN on binary purchases, every neighbour. */
  ITEM_KNN(true),
  /** The product's co-occurrence neighbours of decayed interaction strengths. */
  COOCCURRENCE(true),
  /** Implicit ALS on decayed interaction strengths. */
  ALS(true),
  /** Items bought by the most distinct customers in the last 7 days. */
  POP7(false),
  POP14(false),
  POP30(false),
  /** The quantity-weighted popularity of the last 30 days (event weight x log1p(quantity)). */
  QTY_POP(false),
  /** Recent distinct buyers weighted by the item's trend (this week against the four before). */
  TRENDING(false);

  private final boolean personal;

  Generator(boolean personal) {
    this.personal = personal;
  }

  /** Personal generators score each user differently; the others give everyone one list. */
  public boolean personal() {
    return personal;
  }

  /** The name in configuration, the manifest and the backtest tables. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Generator of(String code) {
    return Arrays.stream(values())
        .filter(g -> g.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "generator must be one of "
                        + Arrays.toString(Arrays.stream(values()).map(Generator::code).toArray())
                        + ", got '"
                        + code
                        + "'"));
  }
}
