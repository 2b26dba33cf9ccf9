package com.comborec.segment;

import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Standardises (and weights) the model columns and clusters users with Spark ML's KMeans. */
public final class SegmentClustering {
  static final String SCALED = "scaled";
  static final String CLUSTER = "cluster";
  private static final List<String> FAMILIES =
      List.of(DemographicFeatures.GENDER, DemographicFeatures.REGION, CategoryShares.PREFIX);

  /**
   * A fitted clustering.
   *
   * @param clustered the input rows plus {@code scaled} (vector; absent when k = 1) and {@code
   *     cluster} (int)
   * @param centers cluster centers in standardised units, one per entry of {@code sizes}
   * @param sizes members per cluster (0 for a cluster KMeans left empty)
   */
  public record Fit(Dataset<Row> clustered, double[][] centers, long[] sizes) {}

  private SegmentClustering() {}

  /** Clusters {@code users} rows into at most {@code k} clusters; k = 1 needs no model. */
  public static Fit fit(
      Dataset<Row> rows, long users, List<String> modelColumns, int k, SegmentSettings s) {
    if (k <= 1) {
      return new Fit(
          rows.withColumn(CLUSTER, lit(0)), new double[][] {new double[0]}, new long[] {users});
    }
    Dataset<Row> scaled = standardise(rows, modelColumns);
    KMeansModel model =
        new KMeans()
            .setK(k)
            .setSeed(s.seed())
            .setMaxIter(s.maxIterations())
            .setFeaturesCol(SCALED)
            .setPredictionCol(CLUSTER)
            .fit(scaled);
    Vector[] centers = model.clusterCenters();
    // KMeans may find fewer distinct centers than k (duplicate points); its size array keeps k.
    long[] sizes = Arrays.copyOf(model.summary().clusterSizes(), centers.length);
    double[][] points = Arrays.stream(centers).map(Vector::toArray).toArray(double[][]::new);
    return new Fit(model.transform(scaled).drop("raw_features"), points, sizes);
  }

  /**
   * Adds {@code scaled}: the model columns centred on their mean and divided by their standard
   * deviation, so that days, counts and 0/1 flags weigh alike in the distances (a column with no
   * spread becomes 0), then weighted by {@link #weights}.
   */
  public static Dataset<Row> standardise(Dataset<Row> rows, List<String> modelColumns) {
    Dataset<Row> assembled =
        new VectorAssembler()
            .setInputCols(modelColumns.toArray(String[]::new))
            .setOutputCol("raw_features")
            .transform(rows);
    Dataset<Row> standardised =
        new StandardScaler()
            .setInputCol("raw_features")
            .setOutputCol("standardised")
            .setWithMean(true)
            .setWithStd(true)
            .fit(assembled)
            .transform(assembled);
    return new ElementwiseProduct()
        .setScalingVec(Vectors.dense(weights(modelColumns)))
        .setInputCol("standardised")
        .setOutputCol(SCALED)
        .transform(standardised)
        .drop("standardised");
  }

  /**
   * 1 / sqrt(columns in the family) for one-hot and share families ({@code gender_*}, {@code
   * region_*}, {@code share_*}), 1 for every other column. Without it, nine region columns would
   * outweigh recency, frequency and spend together; with it each family adds about as much variance
   * as one numeric feature.
   */
  static double[] weights(List<String> modelColumns) {
    Map<String, Long> familySizes =
        modelColumns.stream()
            .filter(c -> family(c) != null)
            .collect(Collectors.groupingBy(SegmentClustering::family, Collectors.counting()));
    return modelColumns.stream()
        .mapToDouble(c -> family(c) == null ? 1.0 : 1.0 / Math.sqrt(familySizes.get(family(c))))
        .toArray();
  }

  private static String family(String column) {
    for (String prefix : FAMILIES) {
      if (column.startsWith(prefix + "_")) {
        return prefix;
      }
    }
    return null;
  }
}
