package com.comborec.combos;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Exact top-M neighbours among a set of candidates, without Spark. Dot products come from an
 * inverted index (feature -> candidates holding it), so a query touches only the candidates it
 * shares features with; the similarity is then scored against every candidate, since the distance
 * measure is not zero for candidates that share nothing.
 */
public final class NeighborSearch implements Serializable {
  /** A neighbour found for a query. */
  public record Neighbor(String id, double similarity) implements Serializable {}

  /** Better first: higher similarity, then the smaller id, so ties are deterministic. */
  static final Comparator<Neighbor> BEST_FIRST =
      Comparator.comparingDouble(Neighbor::similarity).reversed().thenComparing(Neighbor::id);

  private final String[] ids;
  private final double[] norms;
  private final Map<Integer, int[]> postingItems = new HashMap<>();
  private final Map<Integer, double[]> postingValues = new HashMap<>();
  private final boolean cosine;

  /** Indexes the listable candidates only: the others are never anyone's neighbour. */
  public NeighborSearch(List<ItemVector> candidates, boolean cosine) {
    List<ItemVector> listable = candidates.stream().filter(ItemVector::listable).toList();
    this.ids = listable.stream().map(ItemVector::id).toArray(String[]::new);
    this.norms = listable.stream().mapToDouble(ItemVector::norm).toArray();
    this.cosine = cosine;
    index(listable);
  }

  public int size() {
    return ids.length;
  }

  /** The query's best {@code m} neighbours, best first; the query itself is never included. */
  public List<Neighbor> topM(ItemVector query, int m) {
    double[] dots = dotProducts(query);
    PriorityQueue<Neighbor> kept = new PriorityQueue<>(m + 1, BEST_FIRST.reversed());
    for (int j = 0; j < ids.length; j++) {
      if (ids[j].equals(query.id())) {
        continue;
      }
      Neighbor candidate =
          new Neighbor(ids[j], Similarity.fromDot(query.norm(), norms[j], dots[j], cosine));
      if (kept.size() < m) {
        kept.add(candidate);
      } else if (BEST_FIRST.compare(candidate, kept.peek()) < 0) {
        kept.poll();
        kept.add(candidate);
      }
    }
    List<Neighbor> out = new ArrayList<>(kept);
    out.sort(BEST_FIRST);
    return out;
  }

  private double[] dotProducts(ItemVector query) {
    double[] dots = new double[ids.length];
    for (int k = 0; k < query.indices().length; k++) {
      int[] items = postingItems.get(query.indices()[k]);
      if (items != null) {
        double[] values = postingValues.get(query.indices()[k]);
        double q = query.values()[k];
        for (int p = 0; p < items.length; p++) {
          dots[items[p]] += q * values[p];
        }
      }
    }
    return dots;
  }

  private void index(List<ItemVector> listable) {
    Map<Integer, Integer> counts = new HashMap<>();
    listable.forEach(
        v -> {
          for (int f : v.indices()) {
            counts.merge(f, 1, Integer::sum);
          }
        });
    counts.forEach(
        (f, c) -> {
          postingItems.put(f, new int[c]);
          postingValues.put(f, new double[c]);
        });
    Map<Integer, Integer> filled = new HashMap<>();
    for (int j = 0; j < listable.size(); j++) {
      ItemVector v = listable.get(j);
      for (int k = 0; k < v.indices().length; k++) {
        int at = filled.merge(v.indices()[k], 1, Integer::sum) - 1;
        postingItems.get(v.indices()[k])[at] = j;
        postingValues.get(v.indices()[k])[at] = v.values()[k];
      }
    }
  }
}
