package com.comborec.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open-ended figure groups (per segment, per surface and strategy, ...) for the typed results:
 * measuring code names each figure by a dotted path, and the result holds them nested, the shape
 * the manifest shows.
 */
public final class Figures {
  private Figures() {}

  /**
   * {@code {"a.b": 1, "a.c": 2}} as {@code {"a": {"b": 1, "c": 2}}}, keeping insertion order; a
   * leading {@code prefix + "."} is dropped from every key first.
   */
  public static Map<String, Object> nest(Map<String, ?> dotted, String prefix) {
    Map<String, Object> root = new LinkedHashMap<>();
    String strip = prefix.isEmpty() ? "" : prefix + ".";
    dotted.forEach(
        (key, value) -> {
          String path = key.startsWith(strip) ? key.substring(strip.length()) : key;
          put(root, path.split("\\."), value);
        });
    return root;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String[] parts, Object value) {
    Map<String, Object> node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
    }
    node.put(parts[parts.length - 1], value);
  }
}
