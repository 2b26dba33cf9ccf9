package com.comborec.model;

import com.comborec.core.RunReport;

/** Mean offline metrics at K of one candidate, with catalog coverage and the users evaluated. */
public record Metrics(
    double ndcg, double precision, double recall, double map, double coverage, long users) {

  /** Nothing to evaluate (no user bought anything new in the holdout). */
  public static Metrics none() {
    return new Metrics(0, 0, 0, 0, 0, 0);
  }

  public boolean evaluated() {
    return users > 0;
  }

  /** Puts the figures under {@code prefix} (e.g. model.candidates.als) in the run manifest. */
  public void report(RunReport report, String prefix) {
    report.put(prefix + ".ndcg_at_k", round(ndcg));
    report.put(prefix + ".precision_at_k", round(precision));
    report.put(prefix + ".recall_at_k", round(recall));
    report.put(prefix + ".map_at_k", round(map));
    report.put(prefix + ".coverage", round(coverage));
    report.put(prefix + ".users_evaluated", users);
  }

  /** Six decimals: enough to compare runs, short enough to read. */
  static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
