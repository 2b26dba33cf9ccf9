package com.comborec.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;

/**
 * What the recommend stage reads from the model stage's {@code model.json}: the serving candidate
 * (als, cooccurrence, blend or popular), the model version, and the blend recipe (weight of ALS,
 * and how many of each side's best items per user are min-max normalised before blending).
 */
public record ModelInfo(String serving, String modelVersion, double blendWeight, int blendDepth) {
  private static final Set<String> SERVING =
      Set.of(Codes.ALS, Codes.COOCCURRENCE, Codes.BLEND, Codes.POPULAR);

  public ModelInfo {
    if (!SERVING.contains(serving)) {
      throw new IllegalArgumentException(
          "model.json: serving must be one of " + SERVING + ", got '" + serving + "'");
    }
    if (modelVersion == null || modelVersion.isBlank()) {
      throw new IllegalArgumentException("model.json: model_version is missing");
    }
    if (!(blendWeight >= 0 && blendWeight <= 1) || blendDepth < 1) {
      throw new IllegalArgumentException(
          "model.json: blend_weight must be in [0, 1] and blend_depth >= 1, got "
              + blendWeight
              + " and "
              + blendDepth);
    }
  }

  /**
   * Parses model.json; blend keys may be absent when not blending (then weight 0.5, depth
   * defaultDepth).
   */
  public static ModelInfo parse(String json, int defaultDepth) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("model.json is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("model.json must hold a JSON object");
    }
    return new ModelInfo(
        root.path("serving").asText(""),
        root.path("model_version").asText(""),
        root.path("blend_weight").asDouble(0.5),
        root.path("blend_depth").asInt(defaultDepth));
  }

  /** False when the model stage chose the popularity baseline: then every user gets a fallback. */
  public boolean personal() {
    return !Codes.POPULAR.equals(serving);
  }

  public boolean usesAls() {
    return Codes.ALS.equals(serving) || Codes.BLEND.equals(serving);
  }

  public boolean usesCooccurrence() {
    return Codes.COOCCURRENCE.equals(serving) || Codes.BLEND.equals(serving);
  }
}
