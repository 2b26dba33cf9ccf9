package com.comborec.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Feature-family weights applied after standardising (plain Java). */
class SegmentClusteringTest {

  /** recency alone: 1; two gender columns: 1/sqrt 2 each; four share columns: 1/2 each. */
  @Test
  void eachFamilyWeighsAboutAsMuchAsOneNumericFeature() {
    double[] weights =
        SegmentClustering.weights(
            List.of(
                "recency_days",
                "gender_f",
                "gender_other",
                "share_kitchen",
                "share_garden",
                "share_toys",
                "share_other"));
    double h = 1 / Math.sqrt(2);
    assertArrayEquals(
        new double[] {1, h, h, 0.5, 0.5, 0.5, 0.5}, weights, 1e-12, "weights by column");
  }

  /** Columns outside the families (age_missing, x) are not grouped, whatever they are called. */
  @Test
  void otherColumnsKeepWeightOne() {
    assertArrayEquals(
        new double[] {1, 1, 1},
        SegmentClustering.weights(List.of("age_missing", "x", "log_monetary")),
        1e-12,
        "weights by column");
  }
}
