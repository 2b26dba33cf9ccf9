package com.comborec.model.evaluation;

import com.comborec.model.candidates.Generator;
import com.comborec.model.candidates.GeneratorSettings;
import com.comborec.model.ranker.RankerSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How lists are measured and compared, rolling origin: at a cutoff, lists are built from what was
 * known on it and scored on the purchases of the {@code forwardDays} after it.
 *
 * @param options the lists that may serve besides popularity: generator codes, {@link #blend}
 *     names, or {@link #RANKER}
 * @param popularity the floor every option must hold (the first is the popularity fallback)
 * @param repeats repeat purchases count as relevant and lists may repeat (backtest --repeat)
 * @param cutoffAnchor one cutoff of the fixed grid that every cutoff falls on: the anchor plus a
 *     multiple of {@code forwardDays}
 */
public record Protocol(
    int k,
    int cutoffs,
    int forwardDays,
    int maxUsers,
    int minHistoryDays,
    int lookbackDays,
    List<String> options,
    List<Generator> popularity,
    List<Double> blendWeights,
    GeneratorSettings generators,
    RankerSettings ranker,
    boolean repeats,
    LocalDate cutoffAnchor) {

  /** The learned ranker's list name. */
  public static final String RANKER = "ranker";

  /** The list name of the blend with popularity weight {@code w}, e.g. blend_0.25. */
  public static String blend(double w) {
    return String.format(Locale.ROOT, "blend_%s", w);
  }

  /** The weight of a blend list name, or NaN for any other list. */
  public static double blendWeight(String list) {
    return list.startsWith("blend_") ? Double.parseDouble(list.substring(6)) : Double.NaN;
  }

  /**
   * The cutoffs that choose what serves on {@code day}: the {@code cutoffs} latest grid days whose
   * forward windows end by it. The grid, not the day, fixes them, so every night of a fortnight
   * measures the same cutoffs and a stored measurement of an earlier night can stand in.
   */
  public List<LocalDate> innerCutoffs(LocalDate day) {
    return steps(gridDay(day), cutoffs);
  }

  /** The cutoffs the ranker serving on {@code day} learns from (grid days, as the inner ones). */
  public List<LocalDate> rankerCutoffs(LocalDate day) {
    return steps(gridDay(day), ranker.trainingCutoffs());
  }

  /**
   * The latest grid day on or before {@code day}: where the newest complete forward window ends.
   */
  public LocalDate gridDay(LocalDate day) {
    long offset = Math.floorMod(day.toEpochDay() - cutoffAnchor.toEpochDay(), (long) forwardDays);
    return day.minusDays(offset);
  }

  /**
   * How far before a day its serving choice may read: its inner cutoffs, the training cutoffs of
   * the ranker measured at the earliest of them, and up to a grid step before the day.
   */
  public int lookBehindDays() {
    return forwardDays * (cutoffs + ranker.trainingCutoffs()) + forwardDays - 1;
  }

  private List<LocalDate> steps(LocalDate day, int count) {
    List<LocalDate> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(day.minusDays((long) forwardDays * i));
    }
    return out;
  }

  /** The same protocol measuring repeat purchases too. */
  public Protocol withRepeats(boolean value) {
    return new Protocol(
        k,
        cutoffs,
        forwardDays,
        maxUsers,
        minHistoryDays,
        lookbackDays,
        options,
        popularity,
        blendWeights,
        generators,
        ranker,
        value,
        cutoffAnchor);
  }

  /** The same protocol with another forward window (backtest --forward). */
  public Protocol withForwardDays(int days) {
    return new Protocol(
        k,
        cutoffs,
        days,
        maxUsers,
        minHistoryDays,
        lookbackDays,
        options,
        popularity,
        blendWeights,
        generators,
        ranker,
        repeats,
        cutoffAnchor);
  }

  /** The popularity floor's list names. */
  public List<String> popularityLists() {
    return popularity.stream().map(Generator::code).toList();
  }
}
