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
 *   <li>the options at or above the floor at every cutoff compete on their mean NDCG@K; ties go to
 *       the earlier (simpler) option, the learned ranker counting as the last;
 *   <li>if none qualifies, popularity serves.
 * </ol>
 *
 * The ranker competes only when it was measured at every cutoff (trained, each time, on the cutoffs
 * before). Plain Java: the figures are a handful of numbers per option.
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
    List<String> options = new ArrayList<>(simple);
    options.add(ranker);
    String winner = null;
    double best = Double.NEGATIVE_INFINITY;
    List<String> refused = new ArrayList<>();
    for (String option : options) {
      if (!ndcg.containsKey(option)) {
        continue;
      }
      if (!holdsEverywhere(ndcg, option, popularity, cutoffs)) {
        refused.add(option);
        continue;
      }
      double mean = mean(ndcg.get(option), cutoffs);
      if (mean > best) {
        best = mean;
        winner = option;
      }
    }
    if (winner == null) {
      return new Choice(
          popularity.get(0),
          "no option holds against popularity at every one of the "
              + cutoffs.size()
              + " cutoffs: popularity serves");
    }
    return new Choice(winner, reason(winner, ranker, refused, ndcg, cutoffs));
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
      List<String> refused,
      Map<String, Map<LocalDate, Double>> ndcg,
      List<LocalDate> cutoffs) {
    String head =
        String.format(
            "%s has the best mean NDCG over %d cutoffs without falling below popularity at any",
            winner, cutoffs.size());
    if (!winner.equals(ranker)) {
      head +=
          ndcg.containsKey(ranker)
              ? (refused.contains(ranker)
                  ? "; the ranker falls below popularity at a cutoff"
                  : "; the ranker does not beat it on average")
              : "; the ranker was not trained (too little history before its cutoffs)";
    }
    return refused.isEmpty() ? head : head + "; below popularity somewhere: " + refused;
  }
}
