package com.comborec.combos;

import com.comborec.core.Settings;

/**
 * Similar-items settings: neighbours per item, the measure ("distance" is the brief's 1 - ||x-y|| /
 * (||x|| + ||y||), "cosine" the alternative), the catalog size up to which the search is exact, the
 * feature-block weights and the hashed width of each text block.
 */
public record SimilarSettings(
    int topM,
    String measure,
    int exactMaxItems,
    int recallSample,
    Weights weights,
    int numFeatures) {

  /** How much each feature block counts; every block is scaled to unit length before weighting. */
  public record Weights(double category, double brand, double title, double price) {
    static Weights from(Settings s) {
      Weights w =
          new Weights(
              s.doubleIn("category", 0.0, 1e6),
              s.doubleIn("brand", 0.0, 1e6),
              s.doubleIn("title", 0.0, 1e6),
              s.doubleIn("price", 0.0, 1e6));
      s.check(
          w.category + w.brand + w.title + w.price > 0,
          "category",
          "at least one block weight must be positive");
      return w;
    }
  }

  public static SimilarSettings from(Settings s) {
    return new SimilarSettings(
        s.intAtLeast("top-m", 1),
        s.oneOf("measure", "distance", "cosine"),
        s.intAtLeast("exact-max-items", 2),
        s.intAtLeast("recall-sample", 1),
        Weights.from(s.section("weights")),
        s.intAtLeast("num-features", 16));
  }

  public boolean cosine() {
    return "cosine".equals(measure);
  }
}
