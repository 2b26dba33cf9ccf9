package com.comborec.bench;

import com.comborec.combos.FbtOrder;
import java.util.List;
import java.util.Map;

/** The FBT ordering benchmark's rows and their markdown table. */
final class FbtTable {
  private FbtTable() {}

  /**
   * One measured split: hit rate@k per ordering code, and what "auto" would publish.
   *
   * @param heldOut which held-out baskets: all (2 .. max-basket-items) or the small ones only
   */
  record Row(
      String data,
      String split,
      String heldOut,
      long trainingBaskets,
      long heldOutBaskets,
      long anchorPairs,
      Map<String, Double> hitRateAtK,
      String published,
      String reason) {

    double ratio(FbtOrder order) {
      double popular = hitRateAtK.get(FbtOrder.POPULARITY.code());
      return popular == 0 ? Double.NaN : hitRateAtK.get(order.code()) / popular;
    }
  }

  static String markdown(List<Row> rows, int k) {
    StringBuilder out = new StringBuilder();
    out.append("| data | split | held-out baskets | training baskets | measured baskets |")
        .append(" (basket, item) pairs |");
    for (FbtOrder order : FbtOrder.values()) {
      out.append(' ').append(order.code()).append(" |");
    }
    out.append(" auto publishes |\n|").append("---|".repeat(7 + FbtOrder.values().length));
    out.append('\n');
    for (Row r : rows) {
      out.append(
          String.format(
              "| %s | %s | %s | %,d | %,d | %,d |",
              r.data(),
              r.split(),
              r.heldOut(),
              r.trainingBaskets(),
              r.heldOutBaskets(),
              r.anchorPairs()));
      for (FbtOrder order : FbtOrder.values()) {
        double rate = r.hitRateAtK().get(order.code());
        out.append(
            order == FbtOrder.POPULARITY
                ? String.format(" %.3f |", rate)
                : String.format(" %.3f (%.2fx) |", rate, r.ratio(order)));
      }
      out.append(String.format(" %s (%s) |%n", r.published(), r.reason()));
    }
    return out.append("\nhit rate@")
        .append(k)
        .append(" (ratio to popularity companions)\n")
        .toString();
  }
}
