package com.comborec.publish.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tolerant reads of a manifest tree: a missing key, a wrong type or an older manifest without a
 * section gives null or an empty value, never an exception, because a report of a failed or partial
 * run must still render.
 */
public final class Manifests {
  private Manifests() {}

  /** The value under a dotted path such as {@code model.candidates.als.ndcg_at_k}, or null. */
  public static Object get(Map<String, Object> m, String dottedPath) {
    Object node = m;
    for (String part : dottedPath.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(part);
    }
    return node;
  }

  /** The sub-tree under a dotted path, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, Object> m, String dottedPath) {
    return get(m, dottedPath) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** The list under a dotted path, or an empty list. */
  public static List<?> list(Map<String, Object> m, String dottedPath) {
    return get(m, dottedPath) instanceof List<?> list ? list : List.of();
  }

  /** The number under a dotted path, or null (also for a string that is not a number). */
  public static Double number(Map<String, Object> m, String dottedPath) {
    return toDouble(get(m, dottedPath));
  }

  public static Double toDouble(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return null;
  }

  public static String string(Map<String, Object> m, String dottedPath) {
    Object v = get(m, dottedPath);
    return v == null ? null : String.valueOf(v);
  }

  /** Leaves of a tree as dotted keys, in order: {@code {a: {b: 1}}} becomes {@code a.b = 1}. */
  public static Map<String, Object> flatten(Map<String, Object> tree, String prefix) {
    Map<String, Object> out = new LinkedHashMap<>();
    tree.forEach(
        (k, v) -> {
          String key = prefix.isEmpty() ? k : prefix + "." + k;
          if (v instanceof Map<?, ?> child && !child.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) child;
            out.putAll(flatten(typed, key));
          } else {
            out.put(key, v);
          }
        });
    return out;
  }
}
