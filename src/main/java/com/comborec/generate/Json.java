package com.comborec.generate;

import java.util.List;
import java.util.Map;

/**
 * Minimal JSON rendering of maps, lists, strings, numbers and booleans; map order is kept, so
 * output is stable.
 */
final class Json {
  private Json() {}

  static String render(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, int indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> m) {
      writeMap(sb, m, indent);
    } else if (v instanceof List<?> l) {
      writeList(sb, l, indent);
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      string(sb, v.toString());
    }
  }

  private static void writeMap(StringBuilder sb, Map<?, ?> m, int indent) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append("{\n");
    int k = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      pad(sb, indent + 1);
      string(sb, e.getKey().toString());
      sb.append(": ");
      write(sb, e.getValue(), indent + 1);
      sb.append(++k < m.size() ? ",\n" : "\n");
    }
    pad(sb, indent);
    sb.append('}');
  }

  private static void writeList(StringBuilder sb, List<?> l, int indent) {
    if (l.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append("[\n");
    for (int k = 0; k < l.size(); k++) {
      pad(sb, indent + 1);
      write(sb, l.get(k), indent + 1);
      sb.append(k + 1 < l.size() ? ",\n" : "\n");
    }
    pad(sb, indent);
    sb.append(']');
  }

  private static void pad(StringBuilder sb, int indent) {
    sb.append("  ".repeat(indent));
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
