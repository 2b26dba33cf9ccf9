package com.comborec.recommend;

import com.comborec.model.Serving;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What the recommend stage reads from the model stage's {@code model.json}: the serving candidate
 * (als, cooccurrence, blend or popular), the model version, and the blend recipe (weight of ALS,
 * and how many of each side's best items per user are min-max normalised before blending).
 */
public record ModelInfo(Serving serving, String modelVersion, double blendWeight, int blendDepth) {

  public ModelInfo {
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
    Serving serving;
    try {
      serving = Serving.of(root.path("serving").asText(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("model.json: " + e.getMessage(), e);
    }
    return new ModelInfo(
        serving,
        root.path("model_version").asText(""),
        root.path("blend_weight").asDouble(0.5),
        root.path("blend_depth").asInt(defaultDepth));
  }

  /** False when the model stage chose the popularity baseline: then every user gets a fallback. */
  public boolean personal() {
    return serving.personal();
  }

  public boolean usesAls() {
    return serving.usesAls();
  }

  public boolean usesCooccurrence() {
    return serving.usesCooccurrence();
  }
}
