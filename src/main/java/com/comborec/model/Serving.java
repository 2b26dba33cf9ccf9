package com.comborec.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The candidates a run may serve, in one place: {@code model.serving} pins one (or "auto"), {@code
 * model.json} names the chosen one, and the recommend stage builds lists from it. Popular means no
 * personal model: every user gets a popularity fallback.
 */
public enum Serving {
  ALS(true, false),
  COOCCURRENCE(false, true),
  BLEND(true, true),
  POPULAR(false, false);

  private final boolean usesAls;
  private final boolean usesCooccurrence;

  Serving(boolean usesAls, boolean usesCooccurrence) {
    this.usesAls = usesAls;
    this.usesCooccurrence = usesCooccurrence;
  }

  /** The name in configuration, model.json, the manifest and the strategy column. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean usesAls() {
    return usesAls;
  }

  public boolean usesCooccurrence() {
    return usesCooccurrence;
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
