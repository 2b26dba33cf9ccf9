package com.comborec.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model.json}: what the recommend stage needs to serve the run's model (serving candidate,
 * version, K, blend recipe, which work datasets exist), plus the params and metrics for people.
 */
public record ModelDescriptor(
    LocalDate runDate,
    String modelVersion,
    String serving,
    String servingConfigured,
    ModelSettings settings,
    List<String> outputs,
    String alsModelPath,
    Map<String, Object> params,
    Map<String, Metrics> metrics,
    String note) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String toJson() {
    try {
      return JSON.writeValueAsString(asMap());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("model.json cannot be serialised", e);
    }
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_date", runDate.toString());
    m.put("model_version", modelVersion);
    m.put("serving", serving);
    m.put("serving_configured", servingConfigured);
    m.put("k", settings.k());
    m.put("blend_weight", settings.blendWeight());
    m.put("blend_depth", settings.blendDepth());
    m.put("blend_normalisation", "minmax");
    m.put("cooc_neighbors", settings.coocNeighbors());
    m.put("popularity_window_days", settings.popularityWindowDays());
    m.put("outputs", outputs);
    m.put("als_model_path", alsModelPath);
    m.put("params", params);
    Map<String, Object> figures = new LinkedHashMap<>();
    metrics.forEach((name, x) -> figures.put(name, metricMap(x)));
    m.put("metrics", figures);
    m.put("note", note);
    return m;
  }

  static Map<String, Object> metricMap(Metrics x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ndcg_at_k", Metrics.round(x.ndcg()));
    m.put("precision_at_k", Metrics.round(x.precision()));
    m.put("recall_at_k", Metrics.round(x.recall()));
    m.put("map_at_k", Metrics.round(x.map()));
    m.put("coverage", Metrics.round(x.coverage()));
    m.put("users_evaluated", x.users());
    return m;
  }
}
