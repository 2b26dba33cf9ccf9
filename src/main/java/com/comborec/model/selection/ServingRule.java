package com.comborec.model.selection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which option serves, from its NDCG@K at several recent cutoffs (each measured on the days after
 * it, with only what was known on it). One window is not evidence, so an option must hold at every
 * cutoff, not on average only:
 *
 * <ol>
 *   <li>the floor at a cutoff is the best of the popularity options there;
 *   <li>among the simple options (everything but the ranker), those at or above the floor at every
 *       cutoff compete on their mean; ties go to the earlier (simpler) option; if none qualifies,
 *       popularity serves;
 *   <li>the learned ranker replaces the winner only if it was measured at every cutoff and beats
 *       the winner, and is at or above the floor, at each of them.
 * </ol>
 *
 * Plain Java: the figures are a handful of numbers per option.
 */
public final class ServingRule {
  private ServingRule() {}

  /** The choice, and one sentence on why, for the manifest and the log. */
  public record Choice(String option, String reason) {}

  /**
   * @param ndcg NDCG@K by option, then by cutoff (an option missing a cutoff was not measured)
   * @param popularity the popularity options (the floor), the first being the fallback
   * @param simple the non-ranker options, simplest first
   * @param ranker the ranker option's name (may be absent from {@code ndcg})
   * @param cutoffs the cutoffs that count
   */
  public static Choice choose(
      Map<String, Map<LocalDate, Double>> ndcg,
      List<String> popularity,
      List<String> simple,
      String ranker,
      List<LocalDate> cutoffs) {
    if (cutoffs.isEmpty()) {
      return new Choice(popularity.get(0), "no cutoff could be measured: popularity serves");
    }
    String winner = null;
    double best = Double.NEGATIVE_INFINITY;
    for (String option : simple) {
      if (holdsEverywhere(ndcg, option, popularity, cutoffs)) {
        double mean = mean(ndcg.get(option), cutoffs);
        if (mean > best) {
          best = mean;
          winner = option;
        }
      }
    }
    if (winner == null) {
      winner = popularity.get(0);
    }
    List<LocalDate> lost = rankerLosses(ndcg, ranker, winner, popularity, cutoffs);
    if (lost.isEmpty()) {
      return new Choice(
          ranker,
          String.format(
              "%s beats %s and popularity at all %d cutoffs", ranker, winner, cutoffs.size()));
    }
    return new Choice(winner, reason(winner, ranker, lost, ndcg, cutoffs));
  }

  /** The cutoffs where the ranker fails (all of them when it was not measured everywhere). */
  static List<LocalDate> rankerLosses(
      Map<String, Map<LocalDate, Double>> ndcg,
      String ranker,
      String winner,
      List<String> popularity,
      List<LocalDate> cutoffs) {
    Map<LocalDate, Double> r = ndcg.get(ranker);
    List<LocalDate> lost = new ArrayList<>();
    for (LocalDate c : cutoffs) {
      Double v = r == null ? null : r.get(c);
      if (v == null || v <= at(ndcg, winner, c) || v < floor(ndcg, popularity, c)) {
        lost.add(c);
      }
    }
    return lost;
  }

  static boolean holdsEverywhere(
      Map<String, Map<LocalDate, Double>> ndcg,
      String option,
      List<String> popularity,
      List<LocalDate> cutoffs) {
    Map<LocalDate, Double> o = ndcg.get(option);
    if (o == null) {
      return false;
    }
    for (LocalDate c : cutoffs) {
      if (!o.containsKey(c) || o.get(c) < floor(ndcg, popularity, c)) {
        return false;
      }
    }
    return true;
  }

  static double floor(
      Map<String, Map<LocalDate, Double>> ndcg, List<String> popularity, LocalDate c) {
    double floor = 0;
    for (String p : popularity) {
      floor = Math.max(floor, at(ndcg, p, c));
    }
    return floor;
  }

  private static double at(Map<String, Map<LocalDate, Double>> ndcg, String option, LocalDate c) {
    Map<LocalDate, Double> o = ndcg.get(option);
    return o == null || !o.containsKey(c) ? 0 : o.get(c);
  }

  private static double mean(Map<LocalDate, Double> values, List<LocalDate> cutoffs) {
    return cutoffs.stream().mapToDouble(values::get).average().orElse(0);
  }

  private static String reason(
      String winner,
      String ranker,
      List<LocalDate> lost,
      Map<String, Map<LocalDate, Double>> ndcg,
      List<LocalDate> cutoffs) {
    String head =
        String.format(
            "%s has the best mean NDCG over %d cutoffs without falling below popularity at any",
            winner, cutoffs.size());
    if (!ndcg.containsKey(ranker)) {
      return head + "; the ranker was not trained (too little history for its training cutoffs)";
    }
    return head + String.format("; the ranker does not beat it at %s", lost);
  }
}
