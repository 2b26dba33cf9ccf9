package com.comborec.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs (repeatable) for the benchmark mains; no flags without values. */
final class BenchArgs {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  BenchArgs(String[] args, String usage) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        System.err.println(usage);
        System.exit(2);
      }
      values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
    }
  }

  String get(String name, String fallback) {
    List<String> v = values.get(name);
    return v == null ? fallback : v.get(v.size() - 1);
  }

  String required(String name) {
    String v = get(name, null);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  int intValue(String name, int fallback) {
    return Integer.parseInt(get(name, String.valueOf(fallback)));
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
