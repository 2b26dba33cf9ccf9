package com.comborec.model;

import com.comborec.core.StageResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model stage's manifest sections: {@code model} (version, serving choice, every candidate's
 * and baseline's offline metrics side by side, the gate's outcome, the work datasets written) and
 * {@code responsible} (per-segment accuracy and exposure of each evaluated list, see
 * OfflineEvaluation).
 */
public record ModelResult(ModelResult.Model model, Map<String, Object> responsible)
    implements StageResult {

  /**
   * @param servingNdcgAtK the serving candidate's NDCG@K, which the next run's gate compares with
   * @param outputs rows of each work dataset written (absent when the gate refused the run)
   */
  public record Model(
      String version,
      Map<String, Object> params,
      String serving,
      double servingNdcgAtK,
      Eval eval,
      String note,
      Gate gate,
      Map<String, MetricFigures> candidates,
      Map<String, MetricFigures> baselines,
      Outputs outputs) {

    Model withOutputs(Outputs written) {
      return new Model(
          version,
          params,
          serving,
          servingNdcgAtK,
          eval,
          note,
          gate,
          candidates,
          baselines,
          written);
    }

    Model withGate(Gate outcome) {
      return new Model(
          version,
          params,
          serving,
          servingNdcgAtK,
          eval,
          note,
          outcome,
          candidates,
          baselines,
          outputs);
    }
  }

  public record Eval(int k, int holdoutDays) {}

  /** {@code status}: passed, passed_no_previous, refused, disabled, overridden, skipped_... */
  public record Gate(String status, String previousRunDate, Double previousNdcgAtK) {}

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

  /** {@code alsTrained} false: no interactions to learn from, the factor tables are empty. */
  public record Outputs(Map<String, Long> rows, boolean alsTrained) {}

  /** Candidates' and baselines' figures, split as the manifest shows them. */
  static Map<String, MetricFigures> figures(Map<String, Metrics> metrics, boolean baselines) {
    Map<String, MetricFigures> out = new LinkedHashMap<>();
    metrics.forEach(
        (name, m) -> {
          if (Candidates.isBaseline(name) == baselines) {
            out.put(name, MetricFigures.of(m));
          }
        });
    return out;
  }
}
