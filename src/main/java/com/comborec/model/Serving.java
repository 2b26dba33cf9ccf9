package com.comborec.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a run may serve, in one place: {@code model.serving} pins one (or "auto"), {@code
 * model.eval.options} lists the ones the evaluation may choose, {@code model.json} names the chosen
 * one, and its code is the published {@code strategy} of the users it serves. Popular means no
 * personal list: every user gets a popularity fallback.
 */
public enum Serving {
  POPULAR,
  /** EASE, the closed-form item-item model. */
  EASE,
  ITEM_KNN,
  /** EASE plus recent distinct-buyer popularity, each min-max scaled per user. */
  BLEND,
  /** The learned ranker over the generators' candidates and the item and user features. */
  RANKER,
  ALS,
  COOCCURRENCE;

  /** The name in configuration, model.json, the manifest and the strategy column. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** ALS and co-occurrence serve through their work datasets; the others through served lists. */
  public boolean usesAls() {
    return this == ALS;
  }

  public boolean usesCooccurrence() {
    return this == COOCCURRENCE;
  }

  /** False for popular: then every user gets a fallback list. */
  public boolean personal() {
    return this != POPULAR;
  }

  /** The candidate with this code; unknown codes are refused with the valid ones listed. */
  public static Serving of(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "serving must be one of " + Arrays.toString(codes()) + ", got '" + code + "'"));
  }

  public static String[] codes() {
    return Arrays.stream(values()).map(Serving::code).toArray(String[]::new);
  }
}
