package com.comborec.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
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
 * exploded once and tagged with two groups ("all" and its segment), so every measure is one grouped
 * aggregation; only per-group results (a few rows per segment) reach the driver.
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
      putCoverageTailNovelty(slots, catalogSize, totalPurchases, out);
      putGini(slots, catalogSize, out);
      putDiversity(slots, out);
      return out;
    } finally {
      slots.unpersist();
    }
  }

  /**
   * One row per recommended slot and group: grp, user_id, item_id, category, in_catalog, purchases,
   * head.
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
        .select(col("user_id"), col("segment_id"), explode(col("items")).as("it"))
        .select(
            col("user_id"),
            col("it.item_id").as("item_id"),
            explode(array(lit(ALL), concat(lit("segments."), col("segment_id").cast("string"))))
                .as("grp"))
        .join(known, "item_id", "left")
        .join(purchases.select("item_id", "purchases"), "item_id", "left")
        .join(broadcast(head), "item_id", "left");
  }

  private static void putCoverageTailNovelty(
      Dataset<Row> slots, long catalogSize, long total, Map<String, Double> out) {
    for (Row r :
        slots
            .groupBy("grp")
            .agg(
                count(lit(1)).as("slots"),
                countDistinct(col("user_id")).as("lists"),
                countDistinct(when(col("in_catalog"), col("item_id"))).as("covered"),
                sum(when(col("head").isNull(), 1L).otherwise(0L)).as("tail"),
                avg(selfInformation(total)).as("novelty"))
            .collectAsList()) {
      String p = key(r.getString(0));
      out.put(p + "lists", (double) r.getLong(2));
      out.put(p + "coverage", Measures.coverage(r.getLong(3), catalogSize));
      out.put(p + "long_tail_share", Measures.share(r.getLong(4), r.getLong(1)));
      out.put(p + "novelty", r.getDouble(5));
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
   * Exposure = lists showing the item; a histogram per group, with the never-shown items as zeros.
   */
  private static void putGini(Dataset<Row> slots, long catalogSize, Map<String, Double> out) {
    Map<String, TreeMap<Long, Long>> histograms = new TreeMap<>();
    for (Row r :
        slots
            .filter(col("in_catalog").isNotNull())
            .groupBy("grp", "item_id")
            .agg(countDistinct(col("user_id")).as("exposure"))
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
          if (catalogSize > shown) {
            h.merge(0L, catalogSize - shown, Long::sum);
          }
          out.put(key(grp) + "gini", Measures.gini(h));
        });
  }

  /**
   * Per list: k items, sum over categories of n(n-1); ILD = 1 - that / (k(k-1)), lists of k >= 2.
   */
  private static void putDiversity(Dataset<Row> slots, Map<String, Double> out) {
    Column same = col("same").divide(col("k").multiply(col("k").minus(1)));
    for (Row r :
        slots
            .withColumn("cat", coalesce(col("category"), lit("uncategorized")))
            .groupBy("grp", "user_id", "cat")
            .agg(count(lit(1)).as("n"))
            .groupBy("grp", "user_id")
            .agg(sum("n").as("k"), sum(col("n").multiply(col("n").minus(1))).as("same"))
            .filter(col("k").geq(2))
            .groupBy("grp")
            .agg(avg(lit(1.0).minus(same)).as("ild"))
            .collectAsList()) {
      out.put(key(r.getString(0)) + "intra_list_diversity", r.getDouble(1));
    }
  }

  private static String key(String grp) {
    return PREFIX + "." + (ALL.equals(grp) ? "" : grp + ".");
  }
}
