package com.comborec.responsible;

import java.io.Serializable;

/** One item a list could show, with the model's score and the reason it would be shown for. */
public record Candidate(
    String itemId, double score, String category, String reason, String becauseItemId)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * A missing category counts as the contract's 'uncategorized', so the cap still applies to it.
   */
  public String categoryOrDefault() {
    return category == null ? "uncategorized" : category;
  }
}
