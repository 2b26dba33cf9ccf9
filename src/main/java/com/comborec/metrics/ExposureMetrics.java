package com.comborec.metrics;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Exposure, bias and diversity of a recommendations table (contract schema), overall and per
 * segment, as manifest figures under {@code responsible.published}. Each recommended slot is
 * exploded once and cached; each measure tags the rows with two groups ("all" and their segment)
 * and is one grouped aggregation. Only counts are aggregated, never distinct counts (a distinct
 * count over tens of millions of slots costs an expand and a shuffle of every row): items are made
 * distinct within each list first, so a count of slots per item is a count of lists. Only per-group
 * results (a few rows per segment) reach the driver.
 */
public final class ExposureMetrics {
  public static final String PREFIX = "responsible.published";
  static final String ALL = "all";
  static final String[] MEASURES = {
    "lists", "coverage", "gini", "long_tail_share", "novelty", "intra_list_diversity"
  };

  private ExposureMetrics() {}

  /**
   * Purchase events per item (item_id, purchases long) of the given events, e.g. the look-back
   * window.
   */
  public static Dataset<Row> purchaseCounts(Dataset<Row> events) {
    return events
        .filter(col("event_type").equalTo("purchase"))
        .groupBy("item_id")
        .agg(count(lit(1)).as("purchases"));
  }

  /**
   * The figures: {@code responsible.published.<measure>} and {@code
   * responsible.published.segments.<segment_id>.<measure>} for every measure in {@link #MEASURES}.
   * A list is a row of {@code recommendations} with at least one item (the contract's one row per
   * known user); an item listed twice in a row counts once.
   *
   * @param recommendations user_id, segment_id, items list&lt;struct item_id, ...&gt;
   * @param catalog item_id, category: the items that could be recommended (e.g. active products)
   * @param purchases item_id, purchases (see {@link #purchaseCounts})
   */
  public static Map<String, Double> figures(
      Dataset<Row> recommendations, Dataset<Row> catalog, Dataset<Row> purchases) {
    long catalogSize = catalog.count();
    long totalPurchases = purchases.agg(coalesce(sum("purchases"), lit(0L))).first().getLong(0);
    Dataset<Row> slots = slots(recommendations, catalog, purchases, catalogSize).persist();
    try {
      Map<String, Double> out = new TreeMap<>();
      for (String m : MEASURES) {
        out.put(PREFIX + "." + m, 0.0);
      }
      putTailAndNovelty(slots, totalPurchases, out);
      putCoverageAndGini(slots, catalogSize, out);
      putListsAndDiversity(slots, out);
      return out;
    } finally {
      slots.unpersist();
    }
  }

  /**
   * One row per recommended slot: user_id, segment_id, item_id, category, in_catalog, purchases,
   * head. Slots are not yet tagged with their groups: each measure does that by {@link #inGroups}
   * just before its aggregation, so the cached rows are one per slot, not two.
   */
  static Dataset<Row> slots(
      Dataset<Row> recommendations,
      Dataset<Row> catalog,
      Dataset<Row> purchases,
      long catalogSize) {
    Dataset<Row> known =
        catalog.select(col("item_id"), col("category"), lit(true).as("in_catalog"));
    Dataset<Row> head =
        purchases
            .join(catalog.select("item_id"), "item_id", "left_semi")
            .filter(col("purchases").gt(0))
            .orderBy(col("purchases").desc(), col("item_id").asc())
            .limit((int) Math.min(Integer.MAX_VALUE, Measures.headSize(catalogSize)))
            .select(col("item_id"), lit(true).as("head"));
    return recommendations
        .select(
            col("user_id"),
            col("segment_id"),
            explode(array_distinct(col("items.item_id"))).as("item_id"))
        .join(known, "item_id", "left")
        .join(purchases.select("item_id", "purchases"), "item_id", "left")
        .join(broadcast(head), "item_id", "left");
  }

  /** Each row twice: in group "all" and in its segment's group (column grp). */
  static Dataset<Row> inGroups(Dataset<Row> rows) {
    return rows.withColumn(
        "grp",
        explode(array(lit(ALL), concat(lit("segments."), col("segment_id").cast("string")))));
  }

  private static void putTailAndNovelty(Dataset<Row> slots, long total, Map<String, Double> out) {
    for (Row r :
        inGroups(slots)
            .groupBy("grp")
            .agg(
                count(lit(1)).as("slots"),
                sum(when(col("head").isNull(), 1L).otherwise(0L)).as("tail"),
                avg(selfInformation(total)).as("novelty"))
            .collectAsList()) {
      String p = key(r.getString(0));
      // No slot of the group in the catalog: it covers nothing. Overwritten by the histogram.
      out.put(p + "coverage", 0.0);
      out.put(p + "long_tail_share", Measures.share(r.getLong(2), r.getLong(1)));
      out.put(p + "novelty", r.getDouble(3));
    }
  }

  /** As {@link Measures#selfInformation}: log2(total) - log2(purchases, or 0.5 if never bought). */
  static Column selfInformation(long totalPurchases) {
    if (totalPurchases <= 0) {
      return lit(0.0);
    }
    Column bought =
        when(col("purchases").gt(0), col("purchases").cast("double"))
            .otherwise(lit(Measures.UNSEEN_PURCHASES));
    return lit(Math.log(totalPurchases) / Math.log(2)).minus(functions.log(2.0, bought));
  }

  /**
   * Exposure = lists showing the item (a plain count: a list shows an item once); a histogram per
   * group, with the never-shown items as zeros. The shown items are the group's coverage.
   */
  private static void putCoverageAndGini(
      Dataset<Row> slots, long catalogSize, Map<String, Double> out) {
    Map<String, TreeMap<Long, Long>> histograms = new TreeMap<>();
    for (Row r :
        inGroups(slots.filter(col("in_catalog").isNotNull()))
            .groupBy("grp", "item_id")
            .agg(count(lit(1)).as("exposure"))
            .groupBy("grp", "exposure")
            .agg(count(lit(1)).as("items"))
            .collectAsList()) {
      histograms
          .computeIfAbsent(r.getString(0), g -> new TreeMap<>())
          .put(r.getLong(1), r.getLong(2));
    }
    histograms.forEach(
        (grp, h) -> {
          long shown = h.values().stream().mapToLong(Long::longValue).sum();
          out.put(key(grp) + "coverage", Measures.coverage(shown, catalogSize));
          if (catalogSize > shown) {
            h.merge(0L, catalogSize - shown, Long::sum);
          }
          out.put(key(grp) + "gini", Measures.gini(h));
        });
  }

  /**
   * Lists, and per list of k >= 2 items: ILD = 1 - same / (k(k-1)), where same = sum over
   * categories of n(n-1) = sum over the list's items of (items of its category - 1). The slots are
   * gathered per list once (one shuffle), then tagged with their groups.
   */
  private static void putListsAndDiversity(Dataset<Row> slots, Map<String, Double> out) {
    Column same =
        aggregate(
            col("cats"),
            lit(0L),
            (acc, c) -> acc.plus(size(filter(col("cats"), x -> x.equalTo(c)))).minus(1L));
    Column k = size(col("cats"));
    Dataset<Row> lists =
        slots
            .groupBy("user_id", "segment_id")
            .agg(collect_list(coalesce(col("category"), lit("uncategorized"))).as("cats"))
            .select(
                col("segment_id"),
                when(k.geq(2), lit(1.0).minus(same.divide(k.multiply(k.minus(1))))).as("ild"));
    for (Row r :
        inGroups(lists)
            .groupBy("grp")
            .agg(count(lit(1)).as("lists"), avg(col("ild")).as("ild"))
            .collectAsList()) {
      out.put(key(r.getString(0)) + "lists", (double) r.getLong(1));
      if (!r.isNullAt(2)) {
        out.put(key(r.getString(0)) + "intra_list_diversity", r.getDouble(2));
      }
    }
  }

  private static String key(String grp) {
    return PREFIX + "." + (ALL.equals(grp) ? "" : grp + ".");
  }
}
