package com.comborec.recommend;

import com.comborec.model.Serving;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What the recommend stage reads from the model stage's {@code model.json}: the serving candidate
 * and the model version.
 */
public record ModelInfo(Serving serving, String modelVersion) {

  public ModelInfo {
    if (modelVersion == null || modelVersion.isBlank()) {
      throw new IllegalArgumentException("model.json: model_version is missing");
    }
  }

  /** Parses model.json. */
  public static ModelInfo parse(String json) {
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
    return new ModelInfo(serving, root.path("model_version").asText(""));
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

  /** The model stage built this candidate's lists itself (served_lists). */
  public boolean usesServedLists() {
    return personal() && !usesAls() && !usesCooccurrence();
  }
}
