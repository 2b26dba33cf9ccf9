package com.comborec.segment;

import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Standardises the model columns and clusters users with Spark ML's KMeans. */
public final class SegmentClustering {
  static final String SCALED = "scaled";
  static final String CLUSTER = "cluster";

  /**
   * A fitted clustering.
   *
   * @param clustered the input rows plus {@code scaled} (vector; absent when k = 1) and
   *     {@code cluster} (int)
   * @param centers cluster centers in standardised units, one per entry of {@code sizes}
   * @param sizes members per cluster (0 for a cluster KMeans left empty)
   */
  public record Fit(Dataset<Row> clustered, double[][] centers, long[] sizes) {}

  private SegmentClustering() {}

  /** Clusters {@code users} rows into at most {@code k} clusters; k = 1 needs no model. */
  public static Fit fit(Dataset<Row> rows, long users, List<String> modelColumns, int k,
      SegmentSettings s) {
    if (k <= 1) {
      return new Fit(rows.withColumn(CLUSTER, lit(0)), new double[][] {new double[0]},
          new long[] {users});
    }
    Dataset<Row> scaled = standardise(rows, modelColumns);
    KMeansModel model = new KMeans()
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
   * spread becomes 0).
   */
  public static Dataset<Row> standardise(Dataset<Row> rows, List<String> modelColumns) {
    Dataset<Row> assembled = new VectorAssembler()
        .setInputCols(modelColumns.toArray(String[]::new))
        .setOutputCol("raw_features")
        .transform(rows);
    return new StandardScaler()
        .setInputCol("raw_features")
        .setOutputCol(SCALED)
        .setWithMean(true)
        .setWithStd(true)
        .fit(assembled)
        .transform(assembled);
  }
}
