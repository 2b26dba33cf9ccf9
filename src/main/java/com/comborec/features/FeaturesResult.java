package com.comborec.features;

import com.comborec.core.StageResult;
import java.util.Map;

/**
 * The features stage's manifest sections: the interaction table it built, and how the previous
 * run's outputs fared on the run day's feedback ({@code feedback}, see FeedbackFigures).
 */
public record FeaturesResult(FeaturesResult.Features features, Map<String, Object> feedback)
    implements StageResult {

  public record Features(InteractionTable interactions) {}

  /** Rows of the interactions work dataset and the settings that weighted them. */
  public record InteractionTable(
      long pairs,
      long users,
      long items,
      double halfLifeDays,
      String quantityDamping,
      Map<String, Double> feedbackWeights) {}
}
