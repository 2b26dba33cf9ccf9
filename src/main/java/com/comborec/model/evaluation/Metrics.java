package com.comborec.model.evaluation;

/** Mean offline metrics at K of one candidate, with catalog coverage and the users evaluated. */
public record Metrics(
    double ndcg, double precision, double recall, double map, double coverage, long users) {

  /** Nothing to evaluate (no user bought anything new in the holdout). */
  public static Metrics none() {
    return new Metrics(0, 0, 0, 0, 0, 0);
  }

  /** The plain mean of each figure over several measurements; users are summed. */
  public static Metrics mean(java.util.Collection<Metrics> all) {
    if (all.isEmpty()) {
      return none();
    }
    int n = all.size();
    return new Metrics(
        all.stream().mapToDouble(Metrics::ndcg).sum() / n,
        all.stream().mapToDouble(Metrics::precision).sum() / n,
        all.stream().mapToDouble(Metrics::recall).sum() / n,
        all.stream().mapToDouble(Metrics::map).sum() / n,
        all.stream().mapToDouble(Metrics::coverage).sum() / n,
        all.stream().mapToLong(Metrics::users).sum());
  }

  public boolean evaluated() {
    return users > 0;
  }

  /** Six decimals: enough to compare runs, short enough to read. */
  public static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
