package com.comborec.responsible;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-ranks one user's candidates into a top-N list under the diversity settings, in plain Java: (1)
 * popularity debias of the scores, (2) greedy selection by maximal marginal relevance lambda *
 * relevance - (1 - lambda) * (largest similarity to an item already listed), where relevance is the
 * debiased score min-max scaled to [0, 1] within the list, (3) under a cap on items per category.
 * All off, it returns the top N by score. Ranks run 1..N without gaps; each item keeps the model's
 * score, reason and because_item_id (the rank, not the score, carries the new order). Ties: higher
 * relevance first, then item_id.
 */
public final class Diversify implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ResponsibleSettings settings;
  private final ItemSimilarity similarity;
  private final HashMap<String, Double> popularity;

  /**
   * @param popularity item -> purchases in the look-back window; only read when debias is on, an
   *     absent item counts as 1 (so a never-bought item is not divided by zero)
   */
  public Diversify(
      ResponsibleSettings settings, ItemSimilarity similarity, Map<String, Double> popularity) {
    this.settings = settings;
    this.similarity = similarity;
    this.popularity = new HashMap<>(popularity);
  }

  public static Diversify off() {
    return new Diversify(ResponsibleSettings.off(), ItemSimilarity.none(), Map.of());
  }

  public ResponsibleSettings settings() {
    return settings;
  }

  public List<RankedItem> rerank(List<Candidate> candidates, int n) {
    List<Scored> pool = pool(candidates);
    List<Scored> picked = settings.mmrOn() ? mmr(pool, n) : inOrder(pool, n);
    List<RankedItem> out = new ArrayList<>(picked.size());
    for (Scored s : picked) {
      Candidate c = s.candidate();
      out.add(new RankedItem(out.size() + 1, c.itemId(), c.score(), c.reason(), c.becauseItemId()));
    }
    return out;
  }

  /**
   * score / pop^power for a non-negative score; a negative score (ALS can give one) is multiplied
   * instead, so popularity always pushes an item DOWN. Power 0 returns the score unchanged.
   */
  public static double debiased(double score, double purchases, double power) {
    if (power == 0.0) {
      return score;
    }
    double factor = Math.pow(Math.max(1.0, purchases), power);
    return score >= 0 ? score / factor : score * factor;
  }

  /** A candidate with its debiased score and its relevance in [0, 1]. */
  private record Scored(Candidate candidate, double adjusted, double relevance) {}

  /** One entry per item (its best score), by debiased score descending, then item_id. */
  private List<Scored> pool(List<Candidate> candidates) {
    Map<String, Candidate> best = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      best.merge(c.itemId(), c, (a, b) -> b.score() > a.score() ? b : a);
    }
    List<Scored> raw = new ArrayList<>();
    for (Candidate c : best.values()) {
      double pop = popularity.getOrDefault(c.itemId(), 1.0);
      raw.add(new Scored(c, debiased(c.score(), pop, settings.popularityDebiasPower()), 0));
    }
    raw.sort(
        Comparator.comparingDouble(Scored::adjusted)
            .reversed()
            .thenComparing(s -> s.candidate().itemId()));
    double max = raw.isEmpty() ? 0 : raw.get(0).adjusted();
    double min = raw.isEmpty() ? 0 : raw.get(raw.size() - 1).adjusted();
    List<Scored> out = new ArrayList<>(raw.size());
    for (Scored s : raw) {
      out.add(
          new Scored(
              s.candidate(), s.adjusted(), max == min ? 1.0 : (s.adjusted() - min) / (max - min)));
    }
    return out;
  }

  private List<Scored> inOrder(List<Scored> pool, int n) {
    CategoryCap cap = new CategoryCap(settings.maxPerCategory());
    List<Scored> out = new ArrayList<>();
    for (int i = 0; i < pool.size() && out.size() < n; i++) {
      if (cap.take(pool.get(i).candidate())) {
        out.add(pool.get(i));
      }
    }
    return out;
  }

  /** Greedy MMR; each item's largest similarity to the list so far is updated after every pick. */
  private List<Scored> mmr(List<Scored> pool, int n) {
    double lambda = settings.mmrLambda();
    CategoryCap cap = new CategoryCap(settings.maxPerCategory());
    double[] maxSim = new double[pool.size()];
    boolean[] used = new boolean[pool.size()];
    List<Scored> out = new ArrayList<>();
    while (out.size() < n) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < pool.size(); i++) {
        double value = lambda * pool.get(i).relevance() - (1 - lambda) * maxSim[i];
        // Strictly greater: on a tie the earlier (more relevant) candidate stays.
        if (!used[i] && cap.allows(pool.get(i).candidate()) && value > bestValue) {
          best = i;
          bestValue = value;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      cap.take(pool.get(best).candidate());
      out.add(pool.get(best));
      String pickedId = pool.get(best).candidate().itemId();
      for (int i = 0; i < pool.size(); i++) {
        if (!used[i]) {
          maxSim[i] =
              Math.max(maxSim[i], similarity.of(pool.get(i).candidate().itemId(), pickedId));
        }
      }
    }
    return out;
  }

  /** Items per category so far; a max of 0 means no cap. */
  private static final class CategoryCap {
    private final int max;
    private final Map<String, Integer> counts = new HashMap<>();

    CategoryCap(int max) {
      this.max = max;
    }

    boolean allows(Candidate c) {
      return max <= 0 || counts.getOrDefault(c.categoryOrDefault(), 0) < max;
    }

    /** Counts the item in when the cap allows it. */
    boolean take(Candidate c) {
      if (!allows(c)) {
        return false;
      }
      counts.merge(c.categoryOrDefault(), 1, Integer::sum);
      return true;
    }
  }
}
