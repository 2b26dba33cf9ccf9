package com.comborec.segment;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import com.comborec.contract.Schemas;
import com.comborec.segment.SegmentationResult.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Segments users from their features: KMeans on standardised features, small clusters merged into
 * their nearest larger one, dense stable ids, and profiles with labels.
 */
public final class Segmentation {
  private Segmentation() {}

  /**
   * Users per partition of the table KMeans reads. KMeans' work per row is a few dozen distances,
   * so a partition of this many users is well under a second; a shop of fewer users is one
   * partition, and each of KMeans' 30-40 small Spark jobs runs one task instead of one per shuffle
   * partition.
   */
  static final long USERS_PER_PARTITION = 100_000;

  /** Runs the whole segmentation on a feature table; the caller closes the result. */
  public static SegmentationResult segment(FeatureTable features, SegmentSettings s) {
    Dataset<Row> built = features.rows().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> rows = built;
    try {
      long users = built.count();
      rows = splitByUser(built, users).persist(StorageLevel.MEMORY_AND_DISK());
      // Fill the split copy from the built one before freeing it, so the features are computed
      // once and only one copy stays cached.
      rows.count();
      built.unpersist();
      return users == 0 ? empty(rows, s) : cluster(features, rows, users, s);
    } catch (RuntimeException e) {
      built.unpersist();
      rows.unpersist();
      throw e;
    }
  }

  /**
   * The users split into partitions that depend on the data alone: KMeans' seeded sampling and its
   * per-partition sums see the rows as partitioned, so a split that followed {@code
   * spark.sql.shuffle.partitions} or the upstream plan gave other segments on a cluster than on a
   * laptop. Hashed on user_id into {@link #partitionsFor} partitions and sorted within each, the
   * same users give the same split everywhere.
   */
  static Dataset<Row> splitByUser(Dataset<Row> rows, long users) {
    return rows.repartition(partitionsFor(users), col("user_id")).sortWithinPartitions("user_id");
  }

  /** One partition per {@link #USERS_PER_PARTITION} users, at least one. */
  static int partitionsFor(long users) {
    return (int) Math.max(1, (users + USERS_PER_PARTITION - 1) / USERS_PER_PARTITION);
  }

  private static SegmentationResult cluster(
      FeatureTable features, Dataset<Row> rows, long users, SegmentSettings s) {
    int k = effectiveK(users, s);
    SegmentClustering.Fit fit = SegmentClustering.fit(rows, users, features.modelColumns(), k, s);
    SegmentMerger.Plan plan = SegmentMerger.plan(fit.centers(), fit.sizes(), s.minSize());
    Dataset<Row> assigned = assign(fit.clustered(), plan);
    List<SegmentStats> stats = SegmentProfiles.aggregate(assigned, features.profileColumns());
    Map<Integer, String> labels = SegmentLabels.labels(stats, features.categoryNames());
    Dataset<Row> profiles =
        SegmentProfiles.toTable(rows.sparkSession(), stats, labels, s.minSize());
    Summary summary =
        new Summary(
            users,
            s.k(),
            k,
            nonEmpty(fit.sizes()),
            boxed(plan.sizes()),
            plan.segments() >= 2 ? silhouette(assigned) : null,
            (int) stats.stream().filter(st -> st.users() >= s.minSize()).count());
    Dataset<Row> segments = assigned.select(col("user_id"), col("segment_id"));
    return new SegmentationResult(segments, profiles, summary, rows);
  }

  /** No known users: both tables empty with the contract schemas. */
  private static SegmentationResult empty(Dataset<Row> rows, SegmentSettings s) {
    SparkSession spark = rows.sparkSession();
    Summary summary = new Summary(0, s.k(), 0, 0, List.of(), null, 0);
    return new SegmentationResult(
        spark.createDataFrame(List.of(), Schemas.SEGMENTS),
        spark.createDataFrame(List.of(), Schemas.SEGMENT_PROFILES),
        summary,
        rows);
  }

  /**
   * The k KMeans runs with: never more clusters than could each reach the minimum size, and at
   * least 1 (a single segment, published only if it reaches the minimum).
   */
  static int effectiveK(long users, SegmentSettings s) {
    return (int) Math.max(1, Math.min(s.k(), users / s.minSize()));
  }

  /** Adds segment_id (int) from the plan's cluster-to-segment map. */
  static Dataset<Row> assign(Dataset<Row> clustered, SegmentMerger.Plan plan) {
    List<Column> ids = new ArrayList<>();
    for (int segment : plan.segmentOfCluster()) {
      ids.add(lit(segment));
    }
    Column lookup = array(ids.toArray(Column[]::new));
    return clustered.withColumn(
        "segment_id", element_at(lookup, col(SegmentClustering.CLUSTER).plus(1)).cast("int"));
  }

  /** Spark ML's silhouette (squared euclidean) of the final segments in standardised units. */
  static double silhouette(Dataset<Row> assigned) {
    return new ClusteringEvaluator()
        .setFeaturesCol(SegmentClustering.SCALED)
        .setPredictionCol("segment_id")
        .setMetricName("silhouette")
        .setDistanceMeasure("squaredEuclidean")
        .evaluate(assigned);
  }

  private static int nonEmpty(long[] sizes) {
    return (int) Arrays.stream(sizes).filter(n -> n > 0).count();
  }

  private static List<Long> boxed(long[] sizes) {
    return Arrays.stream(sizes).boxed().toList();
  }
}
