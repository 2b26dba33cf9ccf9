package com.comborec.responsible;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Item similarity looked up in the {@code similar} work dataset (item_id, other_item_id,
 * similarity: each item's top neighbours by the combos stage's 1 - ||x - y|| / (||x|| + ||y||)). A
 * pair listed in either direction counts (the larger value); a pair in neither counts 0, since it
 * fell outside both items' top neighbours.
 */
public final class SimilarityPairs implements ItemSimilarity {
  private static final long serialVersionUID = 1L;
  private final HashMap<String, HashMap<String, Double>> pairs;

  public SimilarityPairs(Map<String, ? extends Map<String, Double>> pairs) {
    this.pairs = new HashMap<>();
    pairs.forEach((a, others) -> this.pairs.put(a, new HashMap<>(others)));
  }

  /**
   * Reads the dataset into driver memory: it holds catalog size x top-m rows (200k for 20k items
   * and m = 10), small enough to broadcast; it is streamed, never collected as one array.
   */
  public static SimilarityPairs collect(Dataset<Row> similar) {
    Map<String, HashMap<String, Double>> pairs = new HashMap<>();
    Iterator<Row> rows = similar.select("item_id", "other_item_id", "similarity").toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      pairs
          .computeIfAbsent(r.getString(0), k -> new HashMap<>())
          .put(r.getString(1), r.getDouble(2));
    }
    return new SimilarityPairs(pairs);
  }

  @Override
  public double of(String itemId, String otherItemId) {
    if (itemId.equals(otherItemId)) {
      return 1.0;
    }
    return Math.max(lookup(itemId, otherItemId), lookup(otherItemId, itemId));
  }

  private double lookup(String a, String b) {
    Map<String, Double> others = pairs.get(a);
    Double s = others == null ? null : others.get(b);
    return s == null ? 0.0 : s;
  }
}
