package com.comborec.model.ranker;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.linalg.BLAS$;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.tree.ContinuousSplit;
import org.apache.spark.ml.tree.InternalNode;
import org.apache.spark.ml.tree.LeafNode;
import org.apache.spark.ml.tree.Node;

/**
 * A fitted GBT classifier as flat arrays, scored from a {@code double[]} of features: the same
 * probability, bit for bit, as {@link GBTClassificationModel}'s {@code probability} column, without
 * the assembled vector and the three vector columns Spark builds for every row. At 20M events the
 * ranker scores 156 million candidate rows; most of that stage's time went to those objects.
 *
 * <p>Bit for bit because each step is Spark's own: a row goes left when {@code x <= threshold} (NaN
 * goes right, as in {@code ContinuousSplit}), the trees' outputs are combined by the same {@code
 * ddot} call on the same BLAS instance with the model's tree weights, and the probability comes
 * from the model's own {@code raw2probabilityInPlace}.
 */
final class FlatTrees implements Serializable {
  private static final long serialVersionUID = 1L;

  private final GBTClassificationModel model;
  private final int[] roots;

  /** Per node: the feature it splits on, or -1 for a leaf. */
  private final int[] feature;

  /** Per node: the split's threshold, or the leaf's prediction. */
  private final double[] value;

  private final int[] left;
  private final int[] right;
  private final double[] weights;

  private FlatTrees(GBTClassificationModel model, List<double[]> nodes, int[] roots) {
    this.model = model;
    this.roots = roots;
    int n = nodes.size();
    feature = new int[n];
    value = new double[n];
    left = new int[n];
    right = new int[n];
    for (int i = 0; i < n; i++) {
      double[] node = nodes.get(i);
      feature[i] = (int) node[0];
      value[i] = node[1];
      left[i] = (int) node[2];
      right[i] = (int) node[3];
    }
    weights = model.treeWeights().clone();
  }

  /**
   * The flat form of {@code model}, or empty when a tree has a split other than a threshold on a
   * continuous feature (categorical splits need category sets; the caller then scores with Spark).
   */
  static Optional<FlatTrees> of(GBTClassificationModel model) {
    List<double[]> nodes = new ArrayList<>();
    DecisionTreeRegressionModel[] trees = model.trees();
    int[] roots = new int[trees.length];
    for (int t = 0; t < trees.length; t++) {
      int root = add(trees[t].rootNode(), nodes);
      if (root < 0) {
        return Optional.empty();
      }
      roots[t] = root;
    }
    return Optional.of(new FlatTrees(model, nodes, roots));
  }

  /**
   * Appends {@code node} and its subtree (pre-order); its index, or -1 for an unsupported split.
   */
  private static int add(Node node, List<double[]> nodes) {
    int at = nodes.size();
    if (node instanceof LeafNode leaf) {
      nodes.add(new double[] {-1, leaf.prediction(), -1, -1});
      return at;
    }
    InternalNode inner = (InternalNode) node;
    if (!(inner.split() instanceof ContinuousSplit split)) {
      return -1;
    }
    double[] row = {split.featureIndex(), split.threshold(), 0, 0};
    nodes.add(row);
    int l = add(inner.leftChild(), nodes);
    int r = add(inner.rightChild(), nodes);
    if (l < 0 || r < 0) {
      return -1;
    }
    row[2] = l;
    row[3] = r;
    return at;
  }

  int numFeatures() {
    return model.numFeatures();
  }

  /**
   * The probability of the positive class for {@code x}. {@code treeOut} is scratch space of one
   * slot per tree, reused across rows.
   */
  double probability(double[] x, double[] treeOut) {
    for (int t = 0; t < roots.length; t++) {
      int n = roots[t];
      while (feature[n] >= 0) {
        n = x[feature[n]] <= value[n] ? left[n] : right[n];
      }
      treeOut[t] = value[n];
    }
    double margin = BLAS$.MODULE$.nativeBLAS().ddot(roots.length, treeOut, 1, weights, 1);
    return model.raw2probabilityInPlace(new DenseVector(new double[] {-margin, margin})).apply(1);
  }

  int trees() {
    return roots.length;
  }
}
