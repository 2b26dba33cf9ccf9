package com.comborec.model;

import com.comborec.core.Json;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model.json}: what the recommend stage needs to serve the run's model (serving candidate,
 * the evaluated list behind it, version, which work datasets exist), plus the params, the options'
 * mean figures and the reason of the choice for people.
 */
public record ModelDescriptor(
    LocalDate runDate,
    String modelVersion,
    Serving serving,
    String servingList,
    ModelSettings settings,
    List<String> outputs,
    String alsModelPath,
    Map<String, Object> params,
    Map<String, ModelResult.MetricFigures> metrics,
    String reason) {

  public String toJson() {
    return Json.write(asMap());
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_date", runDate.toString());
    m.put("model_version", modelVersion);
    m.put("serving", serving.code());
    m.put("serving_list", servingList);
    m.put("serving_configured", settings.serving());
    m.put("k", settings.k());
    m.put("serving_depth", settings.servingDepth());
    m.put("repeat_purchase", settings.repeatPurchase());
    m.put("cooc_neighbors", settings.coocNeighbors());
    m.put("popularity_window_days", settings.popularityWindowDays());
    m.put("outputs", outputs);
    m.put("als_model_path", alsModelPath);
    m.put("params", params);
    Map<String, Object> figures = new LinkedHashMap<>();
    metrics.forEach((name, x) -> figures.put(name, Json.tree(x)));
    m.put("metrics", figures);
    m.put("reason", reason);
    return m;
  }
}
