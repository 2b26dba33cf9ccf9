package com.comborec.bundle;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds one bundle problem row per segment (candidates, budget, pair affinities) with Spark, and
 * turns such a row into the solver's plain {@link BundleProblem} inside a task.
 */
public final class BundleProblems {
  private BundleProblems() {}

  /**
   * (segment_id, item_id, other_item_id, affinity) for ordered pairs of one segment's candidates
   * found in pair_stats. Lift becomes max(0, lift - 1), so independent items (lift 1) add nothing;
   * confidence is taken as it is. Pairs with no positive affinity are dropped.
   */
  public static Dataset<Row> candidateAffinity(
      Dataset<Row> candidates, Dataset<Row> pairStats, String measure) {
    Column value =
        measure.equals("lift") ? greatest(col("lift").minus(1), lit(0.0)) : col("confidence");
    Dataset<Row> left = candidates.select("segment_id", "item_id");
    Dataset<Row> right = candidates.select(col("segment_id"), col("item_id").as("other_item_id"));
    return pairStats
        .select(col("item_id"), col("other_item_id"), value.as("affinity"))
        .filter(col("affinity").gt(0))
        .join(left, "item_id")
        .join(right, new String[] {"segment_id", "other_item_id"})
        .select("segment_id", "item_id", "other_item_id", "affinity");
  }

  /**
   * Adds each candidate's demand weight: the market boost of its category on the run day (bounded
   * by market.max-boost), 1.0 without a signal or when {@code itemBoosts} is null.
   */
  public static Dataset<Row> withDemandWeights(Dataset<Row> candidates, Dataset<Row> itemBoosts) {
    if (itemBoosts == null) {
      return candidates.withColumn("demand_weight", lit(1.0));
    }
    return candidates
        .join(
            itemBoosts.select(col("item_id"), col("boost").as("demand_weight")),
            new String[] {"item_id"},
            "left")
        .withColumn("demand_weight", coalesce(col("demand_weight"), lit(1.0)));
  }

  /**
   * One row per segment that has candidates and a budget: segment_id, budget, items (candidate
   * structs ordered by candidate_rank) and pairs (null when no pair has affinity).
   */
  public static Dataset<Row> assembleProblems(
      Dataset<Row> candidates, Dataset<Row> budgets, Dataset<Row> affinity) {
    Dataset<Row> weighted =
        java.util.Arrays.asList(candidates.columns()).contains("demand_weight")
            ? candidates
            : withDemandWeights(candidates, null);
    Dataset<Row> items =
        weighted
            .groupBy("segment_id")
            .agg(
                sort_array(
                        collect_list(
                            struct(
                                "candidate_rank",
                                "item_id",
                                "title",
                                "category",
                                "price",
                                "cost",
                                "stock",
                                "propensity",
                                "demand_weight")))
                    .as("items"));
    Dataset<Row> pairs =
        affinity
            .groupBy("segment_id")
            .agg(collect_list(struct("item_id", "other_item_id", "affinity")).as("pairs"));
    return items
        .join(budgets, "segment_id")
        .join(pairs, new String[] {"segment_id"}, "left")
        .select("segment_id", "budget", "items", "pairs");
  }

  /** The plain problem of one assembled row; runs inside Spark tasks. */
  public static BundleProblem toProblem(Row row) {
    List<BundleItem> items = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (Row c : row.<Row>getList(row.fieldIndex("items"))) {
      index.put(c.getAs("item_id"), items.size());
      Integer stock = c.isNullAt(c.fieldIndex("stock")) ? null : c.getAs("stock");
      items.add(
          new BundleItem(
              c.getAs("item_id"),
              c.getAs("title"),
              c.getAs("category"),
              c.<Double>getAs("price"),
              c.<Double>getAs("cost"),
              stock,
              c.<Double>getAs("propensity"),
              c.<Double>getAs("demand_weight")));
    }
    double[][] affinity = new double[items.size()][items.size()];
    int pairsAt = row.fieldIndex("pairs");
    if (!row.isNullAt(pairsAt)) {
      for (Row p : row.<Row>getList(pairsAt)) {
        affinity[index.get(p.<String>getAs("item_id"))][
                index.get(p.<String>getAs("other_item_id"))] =
            p.<Double>getAs("affinity");
      }
    }
    return new BundleProblem(
        row.<Integer>getAs("segment_id"), items, affinity, row.<Double>getAs("budget"));
  }
}
