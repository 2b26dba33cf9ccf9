package com.comborec.generate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Category demand per top category and day: level x weekly cycle x yearly season x planted trend
 * breaks. The same curve drives the market rows (with a little noise) and how often shoppers pick
 * and buy the category, so market signals and purchases move together.
 */
final class Demand implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A break ramps in geometrically over this many days, then holds. */
  static final int RAMP_DAYS = 3;

  /**
   * A planted change of level: from {@code day} on the category's demand is {@code factor} times
   * higher.
   */
  record Break(int top, int day, double factor) implements Serializable {}

  final LocalDate from;
  final int history;
  final int days;
  final double[] level;
  final double[] weeklyAmplitude;
  final int[] weeklyPeak;
  final double[] seasonalAmplitude;
  final int[] seasonalPeakDoy;
  final List<Break> breaks;

  /** demand[top][history + day] for day in [-history, days). */
  private final double[][] demand;

  Demand(long seed, int tops, LocalDate from, int days, int history) {
    this.from = from;
    this.days = days;
    this.history = history;
    Rng rng = Rng.of(seed, Streams.DEMAND);
    level = new double[tops];
    weeklyAmplitude = new double[tops];
    weeklyPeak = new int[tops];
    seasonalAmplitude = new double[tops];
    seasonalPeakDoy = new int[tops];
    for (int t = 0; t < tops; t++) {
      level[t] = 0.85 + 0.3 * rng.nextDouble();
      weeklyAmplitude[t] = 0.05 + 0.15 * rng.nextDouble();
      weeklyPeak[t] = rng.nextInt(7);
      seasonalAmplitude[t] = 0.1 + 0.3 * rng.nextDouble();
      seasonalPeakDoy[t] = 1 + rng.nextInt(365);
    }
    breaks = plantBreaks(rng, tops, days);
    demand = new double[tops][history + days];
    for (int t = 0; t < tops; t++) {
      for (int d = -history; d < days; d++) {
        demand[t][history + d] = compute(t, d);
      }
    }
  }

  /**
   * Up to three breaks on distinct categories, alternating rise (x1.5-1.9) and fall (x0.5-0.65).
   */
  private static List<Break> plantBreaks(Rng rng, int tops, int days) {
    List<Break> out = new ArrayList<>();
    int[] order = Catalog.permutation(rng, tops);
    for (int k = 0; k < Math.min(3, tops); k++) {
      // At least a week of the old level before and of the new one after, inside the range.
      int day = days >= 14 ? 7 + rng.nextInt(days - 13) : days / 2;
      double factor = k % 2 == 0 ? 1.5 + 0.4 * rng.nextDouble() : 0.5 + 0.15 * rng.nextDouble();
      out.add(new Break(order[k], day, factor));
    }
    return out;
  }

  private double compute(int t, int d) {
    LocalDate date = from.plusDays(d);
    double weekly =
        1
            + weeklyAmplitude[t]
                * Math.cos(
                    2 * Math.PI * (date.getDayOfWeek().getValue() - 1 - weeklyPeak[t]) / 7.0);
    double seasonal =
        1
            + seasonalAmplitude[t]
                * Math.cos(2 * Math.PI * (date.getDayOfYear() - seasonalPeakDoy[t]) / 365.25);
    return level[t] * weekly * seasonal * breakFactor(t, d);
  }

  double breakFactor(int t, int d) {
    double f = 1;
    for (Break b : breaks) {
      if (b.top() == t && d >= b.day()) {
        double progress = Math.min(1.0, (d - b.day() + 1) / (double) RAMP_DAYS);
        f *= Math.pow(b.factor(), progress);
      }
    }
    return f;
  }

  /** Demand of top category t on day index d (0 = from), d in [-history, days). */
  double of(int t, int d) {
    return demand[t][history + d];
  }

  /** Mean demand over all top categories on day d: it scales the day's event volume. */
  double mean(int d) {
    double sum = 0;
    for (double[] row : demand) {
      sum += row[history + d];
    }
    return sum / demand.length;
  }
}
