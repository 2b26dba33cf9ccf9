package com.comborec.model;

import com.comborec.core.ComborecException;
import java.util.List;

/** The values the tuner tries: every combination of rank, regParam, alpha and half-life. */
public record TuneGrid(
    List<Integer> ranks, List<Double> regParams, List<Double> alphas, List<Double> halfLifeDays) {

  public TuneGrid {
    check(ranks, "ranks");
    check(regParams, "regParams");
    check(alphas, "alphas");
    check(halfLifeDays, "halfLifeDays");
    ranks = List.copyOf(ranks);
    regParams = List.copyOf(regParams);
    alphas = List.copyOf(alphas);
    halfLifeDays = List.copyOf(halfLifeDays);
  }

  /** A small default grid: 3 x 2 x 2 x 2 = 24 fits. */
  public static TuneGrid defaults() {
    return new TuneGrid(
        List.of(16, 32, 64), List.of(0.01, 0.1), List.of(5.0, 20.0), List.of(30.0, 90.0));
  }

  public int size() {
    return ranks.size() * regParams.size() * alphas.size() * halfLifeDays.size();
  }

  private static void check(List<?> values, String name) {
    if (values == null || values.isEmpty()) {
      throw ComborecException.usage("tune grid: %s must list at least one value", name);
    }
  }
}
