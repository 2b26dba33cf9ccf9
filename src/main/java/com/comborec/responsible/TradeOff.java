package com.comborec.responsible;

import com.comborec.metrics.ExposureMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The accuracy-diversity trade-off: every MMR weight in {@link #LAMBDAS} crossed with every
 * category cap in {@link #CAPS} is evaluated by a caller-supplied function (which serves the
 * holdout with those settings and measures it), then rendered as a text table for {@code tune}.
 */
public final class TradeOff {
  public static final double[] LAMBDAS = {1.0, 0.8, 0.6, 0.4};
  public static final int[] CAPS = {0, 3, 2};

  /** Figure names the evaluator must return (missing ones show as NaN). */
  public static final String NDCG = "ndcg";

  /** Best minus worst segment's NDCG@K (segments at or above the minimum size); optional. */
  public static final String SEGMENT_NDCG_RANGE = "segment_ndcg_range";

  public static final List<String> DIVERSITY =
      List.of("intra_list_diversity", "coverage", "gini", "long_tail_share", "novelty");

  /** One setting and its figures. */
  public record Point(double lambda, int maxPerCategory, Map<String, Double> figures) {
    public double figure(String name) {
      return figures.getOrDefault(name, Double.NaN);
    }
  }

  private TradeOff() {}

  /**
   * The grid, relevance-only first (the baseline of every delta); the debias power stays as
   * configured.
   */
  public static List<ResponsibleSettings> grid(ResponsibleSettings base) {
    List<ResponsibleSettings> out = new ArrayList<>();
    for (int cap : CAPS) {
      for (double lambda : LAMBDAS) {
        out.add(base.with(lambda, cap));
      }
    }
    return out;
  }

  /**
   * An evaluator's result from NDCG@K and the overall figures of {@link ExposureMetrics#figures}
   * (whose keys carry the {@code responsible.published.} prefix; per-segment keys are dropped).
   */
  public static Map<String, Double> figures(double ndcg, Map<String, Double> exposure) {
    Map<String, Double> out = new TreeMap<>();
    out.put(NDCG, ndcg);
    for (String name : DIVERSITY) {
      out.put(name, exposure.getOrDefault(ExposureMetrics.PREFIX + "." + name, Double.NaN));
    }
    return out;
  }

  /** Evaluates every grid point, in grid order. */
  public static List<Point> evaluate(
      ResponsibleSettings base, Function<ResponsibleSettings, Map<String, Double>> evaluator) {
    List<Point> out = new ArrayList<>();
    for (ResponsibleSettings s : grid(base)) {
      out.add(new Point(s.mmrLambda(), s.maxPerCategory(), Map.copyOf(evaluator.apply(s))));
    }
    return out;
  }

  /**
   * A fixed-width table: lambda, cap, NDCG@K, its change against the first row in percent, the
   * diversity figures, and '*' on rows no other row beats on both NDCG and intra-list diversity
   * (the Pareto front: the only settings worth choosing between).
   */
  public static String render(List<Point> points) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%6s %4s %8s %8s %8s %8s %8s %9s %8s %9s %s%n",
                "lambda",
                "cap",
                "NDCG@K",
                "dNDCG%",
                "ILD",
                "coverage",
                "gini",
                "long_tail",
                "novelty",
                "seg_range",
                "front"));
    double base = points.isEmpty() ? Double.NaN : points.get(0).figure(NDCG);
    for (Point p : points) {
      double change = base == 0 ? 0.0 : 100.0 * (p.figure(NDCG) - base) / base;
      sb.append(
          String.format(
              Locale.ROOT,
              "%6.2f %4s %8.5f %+8.2f %8.4f %8.4f %8.4f %9.4f %8.3f %9.4f %s%n",
              p.lambda(),
              p.maxPerCategory() == 0 ? "off" : String.valueOf(p.maxPerCategory()),
              p.figure(NDCG),
              change,
              p.figure(DIVERSITY.get(0)),
              p.figure("coverage"),
              p.figure("gini"),
              p.figure("long_tail_share"),
              p.figure("novelty"),
              p.figure(SEGMENT_NDCG_RANGE),
              onFront(p, points) ? "*" : ""));
    }
    return sb.toString();
  }

  /** No other point is at least as good on NDCG and ILD and strictly better on one. */
  static boolean onFront(Point p, List<Point> points) {
    String ild = DIVERSITY.get(0);
    for (Point q : points) {
      boolean noWorse = q.figure(NDCG) >= p.figure(NDCG) && q.figure(ild) >= p.figure(ild);
      boolean better = q.figure(NDCG) > p.figure(NDCG) || q.figure(ild) > p.figure(ild);
      if (noWorse && better) {
        return false;
      }
    }
    return true;
  }
}
