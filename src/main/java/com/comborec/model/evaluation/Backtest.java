package com.comborec.model.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolling-origin backtest: at every cutoff, each generator, each baseline and the served ranking
 * (chosen by the nightly's own rule on that day, from earlier cutoffs only) measured on the days
 * after it.
 */
public final class Backtest {
  private static final Logger LOG = LoggerFactory.getLogger(Backtest.class);

  /** The simple strong baselines the served ranking has to beat at every cutoff. */
  public static final List<String> BASELINES =
      List.of("pop7", "pop14", "pop30", "qty_pop", "item_knn", "als", "cooccurrence", "ease");

  /** Generators measured besides the baselines. */
  public static final List<String> OTHER_GENERATORS = List.of("trending");

  private Backtest() {}

  /** One cutoff: every list's metrics, the served option and why. */
  public record Row(
      LocalDate cutoff, Map<String, Metrics> lists, String served, String reason, int users) {

    /** The best baseline at this cutoff by NDCG@K. */
    public String bestBaseline() {
      String best = BASELINES.get(0);
      for (String b : BASELINES) {
        if (lists.get(b).ndcg() > lists.get(best).ndcg()) {
          best = b;
        }
      }
      return best;
    }

    public Metrics servedMetrics() {
      return lists.getOrDefault(served, Metrics.none());
    }
  }

  /** The cutoffs from {@code from} to {@code to} every {@code every} days. */
  public static List<LocalDate> cutoffs(LocalDate from, LocalDate to, int every) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate c = from; !c.isAfter(to); c = c.plusDays(every)) {
      out.add(c);
    }
    return out;
  }

  /** Runs every cutoff that can be measured; others are skipped (and logged by the caller). */
  public static List<Row> run(RollingEvaluation evaluation, List<LocalDate> cutoffs) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < cutoffs.size(); i++) {
      LocalDate c = cutoffs.get(i);
      if (i > 0) {
        // Cutoffs ascend: what no later cutoff's choice can read is freed (a 7-cutoff run that
        // held every cutoff's matrices on the driver was killed by the kernel here).
        evaluation.forgetBefore(c.minusDays(evaluation.protocol().lookBehindDays()));
      }
      if (!evaluation.measurable(c)) {
        continue;
      }
      RollingEvaluation.Selection selection = evaluation.select(c);
      List<String> lists = new ArrayList<>(BASELINES);
      lists.addAll(OTHER_GENERATORS);
      for (String option : evaluation.protocol().options()) {
        if (option.equals(Protocol.RANKER) && evaluation.rankerFor(c).isEmpty()) {
          continue; // off, or too little history before its training cutoffs
        }
        if (option.equals("blend")) {
          evaluation.protocol().blendWeights().forEach(w -> lists.add(Protocol.blend(w)));
        } else if (!lists.contains(option)) {
          lists.add(option);
        }
      }
      if (!lists.contains(selection.choice().option())) {
        lists.add(selection.choice().option());
      }
      Map<String, Metrics> metrics = new LinkedHashMap<>(evaluation.metrics(c, lists));
      rows.add(
          new Row(
              c,
              metrics,
              selection.choice().option(),
              selection.choice().reason(),
              evaluation.users(c)));
      // A long backtest shows each cutoff's table as it completes, not only at the end.
      LOG.info(
          "backtest: {} of {} cutoffs done\n{}",
          rows.size(),
          cutoffs.size(),
          BacktestTable.markdown(rows, evaluation.protocol().k()));
    }
    return rows;
  }
}
