package com.comborec.model;

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

  /** Six decimals: enough to compare runs, short enough to read. */
  public static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
