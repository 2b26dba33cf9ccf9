package com.comborec.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the manifest will say about a run: stages add their figures under dotted keys
 * ({@code inputs.events.read}); the publisher serialises the tree last. Thread-safe, since the
 * bundle solves report from several threads.
 */
public final class RunReport {
  private final Map<String, Object> root = new LinkedHashMap<>();
  private final List<Map<String, Object>> stages = new ArrayList<>();

  /** Sets a value under a dotted path, creating the intermediate objects. */
  public synchronized void put(String dottedPath, Object value) {
    String[] parts = dottedPath.split("\\.");
    Map<String, Object> node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = child(node, parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }

  /** Adds to a numeric value under a dotted path (absent counts as 0). */
  public synchronized void add(String dottedPath, long delta) {
    Object current = get(dottedPath);
    put(dottedPath, (current instanceof Number n ? n.longValue() : 0L) + delta);
  }

  public synchronized Object get(String dottedPath) {
    String[] parts = dottedPath.split("\\.");
    Object node = root;
    for (String part : parts) {
      if (!(node instanceof Map<?, ?> m)) {
        return null;
      }
      node = m.get(part);
    }
    return node;
  }

  public synchronized void stage(String name, String startedAt, double seconds, String status) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("started_at", startedAt);
    s.put("seconds", Math.round(seconds * 1000) / 1000.0);
    s.put("status", status);
    stages.add(s);
  }

  /** A deep copy, in insertion order, with the stage list under {@code stages}. */
  public synchronized Map<String, Object> snapshot() {
    Map<String, Object> copy = deepCopy(root);
    copy.put("stages", new ArrayList<>(stages));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, String key) {
    Object existing = node.get(key);
    if (existing instanceof Map) {
      return (Map<String, Object>) existing;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    node.put(key, created);
    return created;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, v instanceof Map ? deepCopy((Map<String, Object>) v) : v));
    return out;
  }
}
