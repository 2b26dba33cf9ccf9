package com.comborec.combos;

import static org.apache.spark.sql.functions.array_remove;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Hit rate@k of every {@link FbtOrder} on held-out baskets, with pairs mined on the training
 * baskets exactly as the published ones are (same minimums, sellable companions, fill).
 *
 * <p>Hit rate@k: over held-out baskets of 2 to max-basket-items distinct items, over every item of
 * such a basket that occurs in a training basket (the anchor): 1 if one of the anchor's top k
 * companions is another item of that basket. The denominator, (basket, anchor) pairs, is the same
 * for every ordering, so a missing or short list counts as a miss.
 */
public final class FbtMeasure {
  private FbtMeasure() {}

  /**
   * @param trainingBaskets counted training baskets (at most max-basket-items)
   * @param heldOutBaskets held-out baskets with at least one anchor
   * @param anchorPairs (basket, anchor) pairs, the denominator
   * @param hits per ordering, (basket, anchor) pairs hit
   */
  public record Figures(
      long trainingBaskets, long heldOutBaskets, long anchorPairs, Map<FbtOrder, Long> hits) {

    public double hitRate(FbtOrder order) {
      return anchorPairs == 0 ? 0.0 : (double) hits.get(order) / anchorPairs;
    }
  }

  /** Holds out the baskets of the last {@code evalDays} days up to the run day. */
  public static Figures lastDays(
      Dataset<Row> baskets, LocalDate runDate, Dataset<Row> products, FbtSettings s) {
    Column heldOut = col("day").gt(lit(Date.valueOf(heldOutFrom(runDate, s).minusDays(1))));
    return measure(baskets.filter(not(heldOut)), baskets.filter(heldOut), products, s);
  }

  /** The first held-out day. */
  public static LocalDate heldOutFrom(LocalDate runDate, FbtSettings s) {
    return runDate.minusDays(s.evalDays() - 1L);
  }

  /** Mines the training baskets, lists every ordering's top k, and counts hits in one pass. */
  public static Figures measure(
      Dataset<Row> training, Dataset<Row> heldOut, Dataset<Row> products, FbtSettings s) {
    Dataset<Row> counted = FrequentlyBoughtTogether.countableBaskets(training, s).cache();
    try {
      long trainingBaskets = counted.count();
      List<String> popular = PopularCompanions.top(counted, products, s.evalK() + 1);
      Dataset<Row> lists =
          Companions.lists(
              FrequentlyBoughtTogether.pairStatsOfBaskets(counted, s),
              PopularCompanions.fill(counted, popular),
              products,
              List.of(FbtOrder.values()),
              s.evalK(),
              s);
      Column[] sums = sums();
      Row totals =
          anchors(heldOut, counted, s)
              .join(lists, new String[] {"item_id"}, "left")
              .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
              .first();
      return figures(trainingBaskets, totals);
    } finally {
      counted.unpersist();
    }
  }

  /** (basket_id, item_id = the anchor, others = the basket's other items). */
  static Dataset<Row> anchors(Dataset<Row> heldOut, Dataset<Row> counted, FbtSettings s) {
    Dataset<Row> known = FrequentlyBoughtTogether.itemCounts(counted).select("item_id");
    return heldOut
        .filter(col("n_items").between(2, s.maxBasketItems()))
        .select(col("basket_id"), col("items"), explode(col("items")).as("item_id"))
        .join(known, new String[] {"item_id"}, "left_semi")
        .select(
            col("basket_id"),
            col("item_id"),
            array_remove(col("items"), col("item_id")).as("others"));
  }

  private static Column[] sums() {
    List<Column> sums = new ArrayList<>();
    sums.add(count(lit(1)).as("anchor_pairs"));
    sums.add(countDistinct(col("basket_id")).as("baskets"));
    for (FbtOrder order : FbtOrder.values()) {
      // A missing list (null) is a miss.
      Column hit =
          coalesce(arrays_overlap(col(order.code() + ".item_id"), col("others")), lit(false));
      sums.add(sum(when(hit, 1L).otherwise(0L)).as(order.code()));
    }
    return sums.toArray(Column[]::new);
  }

  private static Figures figures(long trainingBaskets, Row totals) {
    Map<FbtOrder, Long> hits = new EnumMap<>(FbtOrder.class);
    for (FbtOrder order : FbtOrder.values()) {
      Long n = totals.getAs(order.code());
      hits.put(order, n == null ? 0L : n);
    }
    return new Figures(
        trainingBaskets, totals.<Long>getAs("baskets"), totals.<Long>getAs("anchor_pairs"), hits);
  }
}
