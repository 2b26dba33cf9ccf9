package com.comborec.model;

import com.comborec.core.StageResult;
import com.comborec.model.evaluation.Metrics;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model stage's manifest section {@code model}: what serves and why (every option's and the
 * popularity floor's metrics at each recent cutoff, the rule's reason), the ranker's training and
 * feature importances, the gate's outcome and the work datasets written.
 */
public record ModelResult(ModelResult.Model model) implements StageResult {

  /**
   * @param serving the serving candidate (a {@link Serving} code)
   * @param servingList the evaluated list behind it (e.g. {@code blend_0.25})
   * @param servingNdcgAtK the serving list's mean NDCG@K over the cutoffs: the next run's gate
   *     compares with it
   * @param cutoffs list -> cutoff -> metrics, as measured
   * @param candidates the options' metrics averaged over the cutoffs
   * @param baselines the popularity floor's, averaged likewise
   * @param outputs rows of each work dataset written (absent when the gate refused the run)
   */
  public record Model(
      String version,
      Map<String, Object> params,
      String serving,
      String servingList,
      double servingNdcgAtK,
      String reason,
      Eval eval,
      Map<String, Map<String, MetricFigures>> cutoffs,
      Map<String, MetricFigures> candidates,
      Map<String, MetricFigures> baselines,
      RankerFigures ranker,
      Gate gate,
      Outputs outputs) {

    public Model with(Gate outcome, Outputs written) {
      return new Model(
          version,
          params,
          serving,
          servingList,
          servingNdcgAtK,
          reason,
          eval,
          cutoffs,
          candidates,
          baselines,
          ranker,
          outcome,
          written);
    }
  }

  /** K, the forward window, and the cutoffs measured with their evaluated users. */
  public record Eval(int k, int forwardDays, Map<String, Integer> usersByCutoff) {}

  /** {@code status}: passed, passed_no_previous, refused, disabled, overridden, skipped_... */
  public record Gate(String status, String previousRunDate, Double previousNdcgAtK) {}

  /** The ranker that serves (or would): its training cutoffs and feature importances. */
  public record RankerFigures(List<String> trainedOn, Map<String, Double> importances) {}

  /** One list's offline metrics at K, rounded to six decimals. */
  public record MetricFigures(
      double ndcgAtK,
      double precisionAtK,
      double recallAtK,
      double mapAtK,
      double coverage,
      long usersEvaluated) {

    static MetricFigures of(Metrics m) {
      return new MetricFigures(
          Metrics.round(m.ndcg()),
          Metrics.round(m.precision()),
          Metrics.round(m.recall()),
          Metrics.round(m.map()),
          Metrics.round(m.coverage()),
          m.users());
    }
  }

  /** {@code alsTrained} false: ALS was not needed or had nothing to learn from. */
  public record Outputs(Map<String, Long> rows, boolean alsTrained) {}

  /** The table as list -> cutoff day -> figures. */
  static Map<String, Map<String, MetricFigures>> table(Map<String, Map<LocalDate, Metrics>> table) {
    Map<String, Map<String, MetricFigures>> out = new LinkedHashMap<>();
    table.forEach(
        (list, byCutoff) -> {
          Map<String, MetricFigures> row = new LinkedHashMap<>();
          byCutoff.forEach((c, m) -> row.put(c.toString(), MetricFigures.of(m)));
          out.put(list, row);
        });
    return out;
  }

  /** Each list's metrics averaged over its cutoffs (users summed). */
  static Map<String, MetricFigures> means(
      Map<String, Map<LocalDate, Metrics>> table, List<String> lists) {
    Map<String, MetricFigures> out = new LinkedHashMap<>();
    for (String list : lists) {
      Map<LocalDate, Metrics> byCutoff = table.get(list);
      if (byCutoff != null && !byCutoff.isEmpty()) {
        out.put(list, MetricFigures.of(Metrics.mean(byCutoff.values())));
      }
    }
    return out;
  }
}
