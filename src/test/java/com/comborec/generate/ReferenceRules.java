package com.comborec.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The contract's row rules, written independently of the generator, to check that every planted bad
 * row breaks exactly one rule (and every good row none). Returns the broken rules' codes.
 */
final class ReferenceRules {
  static final Set<String> EVENT_TYPES =
      Set.of("view", "click", "add_to_cart", "wishlist", "purchase", "return");
  static final Set<String> SURFACES =
      Set.of("recommendations", "bundles", "frequently_bought_together", "similar_items");
  static final Set<String> ACTIONS =
      Set.of("impression", "click", "add_to_cart", "purchase", "dismiss");

  private ReferenceRules() {}

  static List<String> event(List<String> r, LocalDate dt, Set<String> catalog) {
    List<String> out = new ArrayList<>();
    if (r.size() != 7) {
      return List.of("malformed_row");
    }
    if (r.get(0).isEmpty() || r.get(2).isEmpty() || r.get(3).isEmpty()) {
      out.add("missing_required");
    }
    Instant t = r.get(0).isEmpty() ? null : instant(r.get(0));
    if (!r.get(0).isEmpty() && t == null) {
      out.add("bad_timestamp");
    }
    boolean badQuantity = !r.get(4).isEmpty() && !r.get(4).matches("-?\\d+");
    boolean badPrice = !r.get(5).isEmpty() && !r.get(5).matches("-?\\d+(\\.\\d+)?");
    if (badQuantity || badPrice) {
      out.add("bad_number");
    }
    if ((!badQuantity && !r.get(4).isEmpty() && Long.parseLong(r.get(4)) < 1)
        || (!badPrice && r.get(5).startsWith("-"))
        || r.get(1).length() > 128
        || r.get(2).length() > 128) {
      out.add("out_of_range");
    }
    if (!r.get(3).isEmpty() && !EVENT_TYPES.contains(r.get(3).toLowerCase(Locale.ROOT))) {
      out.add("unknown_event_type");
    }
    if (!r.get(2).isEmpty() && r.get(2).length() <= 128 && !catalog.contains(r.get(2))) {
      out.add("unknown_item");
    }
    if (t != null && !t.isBefore(dt.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
      out.add("future_event");
    }
    return out;
  }

  static List<String> product(List<String> r, Set<String> seen) {
    if (r.size() != 8) {
      return List.of("malformed_row");
    }
    List<String> out = new ArrayList<>();
    if (r.get(0).isEmpty() || r.get(4).isEmpty()) {
      out.add("missing_required");
    }
    boolean badNumber =
        !number(r.get(4))
            || !number(r.get(5))
            || (!r.get(6).isEmpty() && !r.get(6).matches("-?\\d+"));
    if (badNumber) {
      out.add("bad_number");
    }
    if (!r.get(7).isEmpty()
        && !Set.of("true", "false").contains(r.get(7).toLowerCase(Locale.ROOT))) {
      out.add("bad_boolean");
    }
    if (!badNumber
            && (r.get(4).startsWith("-")
                || r.get(5).startsWith("-")
                || r.get(6).startsWith("-")
                || "0.00".equals(r.get(4)))
        || r.get(0).length() > 128) {
      out.add("out_of_range");
    }
    if (out.isEmpty() && !seen.add(r.get(0))) {
      out.add("duplicate_key");
    }
    return out;
  }

  static List<String> user(List<String> r, Set<String> seen, int year) {
    if (r.size() != 5) {
      return List.of("malformed_row");
    }
    List<String> out = new ArrayList<>();
    if (r.get(0).isEmpty()) {
      out.add("missing_required");
    }
    boolean badNumber = !r.get(1).isEmpty() && !r.get(1).matches("\\d+");
    if (badNumber) {
      out.add("bad_number");
    }
    if ((!badNumber
            && !r.get(1).isEmpty()
            && (Integer.parseInt(r.get(1)) < 1900 || Integer.parseInt(r.get(1)) > year))
        || r.get(0).length() > 128) {
      out.add("out_of_range");
    }
    if (!r.get(4).isEmpty()) {
      LocalDate.parse(r.get(4));
    }
    if (out.isEmpty() && !seen.add(r.get(0))) {
      out.add("duplicate_key");
    }
    return out;
  }

  static List<String> market(List<String> r) {
    if (r.size() != 4) {
      return List.of("malformed_row");
    }
    List<String> out = new ArrayList<>();
    LocalDate.parse(r.get(0));
    if (r.get(1).isEmpty() || r.get(2).isEmpty()) {
      out.add("missing_required");
    }
    boolean badNumber = !number(r.get(2)) || !number(r.get(3));
    if (badNumber) {
      out.add("bad_number");
    }
    if (!badNumber
        && ((!r.get(2).isEmpty() && Double.parseDouble(r.get(2)) <= 0)
            || (!r.get(3).isEmpty() && Double.parseDouble(r.get(3)) <= 0))) {
      out.add("out_of_range");
    }
    return out;
  }

  static List<String> feedback(List<String> r) {
    if (r.size() != 6) {
      return List.of("malformed_row");
    }
    List<String> out = new ArrayList<>();
    if (r.get(0).isEmpty()
        || r.get(1).isEmpty()
        || r.get(2).isEmpty()
        || r.get(5).isEmpty()
        || (r.get(3).isEmpty() && r.get(4).isEmpty())) {
      out.add("missing_required");
    }
    if (!r.get(0).isEmpty() && instant(r.get(0)) == null) {
      out.add("bad_timestamp");
    }
    if (r.get(1).length() > 128) {
      out.add("out_of_range");
    }
    if ((!r.get(2).isEmpty() && !SURFACES.contains(r.get(2)))
        || (!r.get(5).isEmpty() && !ACTIONS.contains(r.get(5)))) {
      out.add("unknown_value");
    }
    return out;
  }

  private static boolean number(String s) {
    return s.isEmpty() || s.matches("-?\\d+(\\.\\d+)?");
  }

  /**
   * The contract's timestamp forms: ISO-8601 with Z or an offset, or yyyy-MM-dd HH:mm:ss in UTC.
   */
  static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
