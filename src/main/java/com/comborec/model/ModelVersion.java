package com.comborec.model;

import com.comborec.core.ComboConfig;
import com.comborec.features.InteractionSettings;
import com.comborec.ingest.IngestSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters that shape a run's models, and the version id built from them: {@code
 * <serving>-<run day>-<first 8 hex of SHA-256 of the parameters>}, e.g. {@code
 * als-2026-11-27-1f0c9a3b}. Same day and parameters, same id.
 */
public final class ModelVersion {
  private ModelVersion() {}

  /** Ordered parameters for the manifest ({@code model.params}) and model.json. */
  public static Map<String, Object> params(ComboConfig config) {
    ModelSettings s = config.get(ModelSettings.SECTION);
    InteractionSettings is = config.get(InteractionSettings.SECTION);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("als", s.als().asMap());
    p.put("half_life_days", is.halfLifeDays());
    p.put("quantity_damping", is.quantityDamping());
    p.put(
        "event_type_weights", new TreeMap<>(config.get(IngestSettings.SECTION).eventTypeWeights()));
    p.put("feedback_weights", new TreeMap<>(is.feedbackWeights()));
    p.put("lookback_days", config.lookbackDays());
    p.put("ease_lambda", s.ease().lambda());
    p.put("ease_max_items", s.ease().maxItems());
    p.put("blend_weights", s.blendWeights());
    p.put("ranker", rankerParams(s));
    p.put("cooc_neighbors", s.coocNeighbors());
    p.put("cooc_max_user_items", s.coocMaxUserItems());
    p.put("popularity_window_days", s.popularityWindowDays());
    p.put("segment_popularity_window_days", s.segmentPopularityWindowDays());
    p.put("k", s.k());
    p.put("eval_cutoffs", s.eval().cutoffs());
    p.put("eval_forward_days", s.eval().forwardDays());
    p.put("eval_cutoff_anchor", s.eval().cutoffAnchor().toString());
    p.put("serving_configured", s.serving());
    return p;
  }

  private static Map<String, Object> rankerParams(ModelSettings s) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("algorithm", s.ranker().algorithm());
    r.put("generators", s.ranker().generators().stream().map(g -> g.code()).toList());
    r.put("depth", s.ranker().depth());
    r.put("training_cutoffs", s.ranker().trainingCutoffs());
    r.put("max_iter", s.ranker().maxIter());
    r.put("max_depth", s.ranker().maxDepth());
    r.put("seed", s.ranker().seed());
    return r;
  }

  public static String of(String serving, LocalDate runDate, Map<String, Object> params) {
    return serving + "-" + runDate + "-" + shortHash(params.toString());
  }

  static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
