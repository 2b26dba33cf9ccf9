package com.comborec.publish.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges the manifests that {@code run STAGE} left for one day (one per stage) into the day's
 * complete manifest, as {@code nightly} would have written it: every stage's timings and figures,
 * every committed output, status published. Pure, so {@code finalize} stays a thin command.
 */
public final class ManifestMerge {
  private static final Set<String> RUN_KEYS =
      Set.of(
          "schema_version",
          "run_date",
          "run_id",
          "status",
          "exit_code",
          "message",
          "partial",
          "started_at",
          "ended_at",
          "stages",
          "outputs",
          "config");

  private ManifestMerge() {}

  /** The pipeline stages that no kept manifest covers; finalize refuses while any is missing. */
  public static List<String> missingStages(
      List<Map<String, Object>> stageRuns, List<String> pipeline) {
    Set<String> ran = new TreeSet<>();
    stageRuns.forEach(m -> ran.addAll(List.of(StageManifests.stageNames(m).split("\\+"))));
    return pipeline.stream().filter(s -> !ran.contains(s)).toList();
  }

  /** The complete manifest; {@code stageRuns} must all be published runs of the same day. */
  public static Map<String, Object> merge(
      List<Map<String, Object>> stageRuns,
      List<String> pipeline,
      String runId,
      String schemaVersion,
      Instant endedAt) {
    List<Map<String, Object>> ordered = new ArrayList<>(stageRuns);
    ordered.sort(Comparator.comparingInt(m -> position(m, pipeline)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema_version", schemaVersion);
    out.put("run_date", ordered.isEmpty() ? null : ordered.get(0).get("run_date"));
    out.put("run_id", runId);
    out.put("status", "published");
    out.put("exit_code", 0);
    out.put("message", "published by finalize from " + ordered.size() + " stage run(s)");
    out.put("partial", false);
    out.put(
        "started_at",
        ordered.stream()
            .map(m -> String.valueOf(m.get("started_at")))
            .min(String::compareTo)
            .orElse(endedAt.toString()));
    out.put("ended_at", endedAt.toString());
    List<Object> stages = new ArrayList<>();
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (Map<String, Object> m : ordered) {
      m.forEach(
          (k, v) -> {
            if (!RUN_KEYS.contains(k)) {
              out.put(k, deepMerge(out.get(k), v));
            }
          });
      Manifests.list(m, "stages").stream()
          .filter(s -> !(s instanceof Map<?, ?> sm && "publish".equals(sm.get("name"))))
          .forEach(stages::add);
      outputs.putAll(Manifests.map(m, "outputs"));
    }
    out.put("stages", stages);
    out.put("outputs", outputs);
    out.put("finalize", finalizeFacts(ordered));
    out.put(
        "config",
        ordered.isEmpty() ? Map.of() : Manifests.map(ordered.get(ordered.size() - 1), "config"));
    return out;
  }

  private static int position(Map<String, Object> m, List<String> pipeline) {
    String first = StageManifests.stageNames(m).split("\\+")[0];
    int i = pipeline.indexOf(first);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** Which runs were merged, and which config keys differed between them (normally none). */
  private static Map<String, Object> finalizeFacts(List<Map<String, Object>> ordered) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(
        "stage_runs",
        ordered.stream().map(m -> StageManifests.stageNames(m) + " " + m.get("run_id")).toList());
    Set<String> differing = new TreeSet<>();
    for (Map<String, Object> m : ordered) {
      Map<String, Object> first = Manifests.map(ordered.get(0), "config");
      Map<String, Object> cfg = Manifests.map(m, "config");
      Set<String> keys = new TreeSet<>(first.keySet());
      keys.addAll(cfg.keySet());
      keys.stream()
          .filter(k -> !java.util.Objects.equals(first.get(k), cfg.get(k)))
          .forEach(differing::add);
    }
    f.put("config_keys_differing", new ArrayList<>(differing));
    return f;
  }

  @SuppressWarnings("unchecked")
  private static Object deepMerge(Object into, Object from) {
    if (into instanceof Map<?, ?> a && from instanceof Map<?, ?> b) {
      Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) a);
      ((Map<String, Object>) b).forEach((k, v) -> merged.put(k, deepMerge(merged.get(k), v)));
      return merged;
    }
    // Lists every stage run carries (warnings): each run's entries, once, in pipeline order.
    if (into instanceof List<?> a && from instanceof List<?> b) {
      LinkedHashSet<Object> both = new LinkedHashSet<>(a);
      both.addAll(b);
      return new ArrayList<>(both);
    }
    return from;
  }
}
