package com.comborec.contract;

import java.util.Locale;

/**
 * The five input sources of the contract, with whether each is required and how it is delivered.
 */
public enum Source {
  EVENTS(true, false),
  PRODUCTS(true, true),
  USERS(false, true),
  MARKET(false, false),
  FEEDBACK(false, false);

  private final boolean required;
  private final boolean snapshot;

  Source(boolean required, boolean snapshot) {
    this.required = required;
    this.snapshot = snapshot;
  }

  /** The folder name under the input root and in rejects/. */
  public String folder() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean required() {
    return required;
  }

  /**
   * A snapshot source uses its newest partition on or before the run day; others are daily
   * increments.
   */
  public boolean snapshot() {
    return snapshot;
  }
}
