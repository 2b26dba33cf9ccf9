package com.comborec.model.ranker;

import java.io.Serializable;
import java.util.Arrays;
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
 * <p>Each tree is stored complete to the ensemble's depth D (node i's children at 2i+1 and 2i+2),
 * so a row walks exactly D levels by index arithmetic instead of following branches the CPU cannot
 * predict. A leaf above depth D becomes a subtree that always goes left (threshold +infinity) and
 * ends in its value. That holds for every feature value but NaN, which the caller rejects, as
 * Spark's assembler does.
 *
 * <p>Bit for bit because each step is Spark's own: a row goes left when {@code x <= threshold}, as
 * in {@code ContinuousSplit}; the trees' outputs are combined by the same {@code ddot} call on the
 * same BLAS instance with the model's tree weights; the probability comes from the model's own
 * {@code raw2probabilityInPlace}.
 */
final class FlatTrees implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Deeper trees (2^D nodes each) are left to Spark: the default depth is 5. */
  static final int MAX_DEPTH = 12;

  private final GBTClassificationModel model;
  private final int depth;
  private final int trees;

  /** Per tree, 2^D - 1 split slots: the feature and the threshold (+infinity: always left). */
  private final int[] feature;

  private final double[] threshold;

  /** Per tree, 2^D leaf slots. */
  private final double[] leaf;

  private final double[] weights;

  private FlatTrees(GBTClassificationModel model, int depth) {
    this.model = model;
    this.depth = depth;
    this.trees = model.getNumTrees();
    int splits = (1 << depth) - 1;
    feature = new int[trees * splits];
    threshold = new double[trees * splits];
    Arrays.fill(threshold, Double.POSITIVE_INFINITY);
    leaf = new double[trees << depth];
    weights = model.treeWeights().clone();
  }

  /**
   * The flat form of {@code model}, or empty when its trees are deeper than {@link #MAX_DEPTH} or
   * split other than by a threshold on a continuous feature (the caller then scores with Spark).
   */
  static Optional<FlatTrees> of(GBTClassificationModel model) {
    DecisionTreeRegressionModel[] trees = model.trees();
    int depth = Arrays.stream(trees).mapToInt(DecisionTreeRegressionModel::depth).max().orElse(0);
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    FlatTrees flat = new FlatTrees(model, depth);
    for (int t = 0; t < trees.length; t++) {
      if (!flat.place(trees[t].rootNode(), t, 0, 0)) {
        return Optional.empty();
      }
    }
    return Optional.of(flat);
  }

  /** Writes {@code node} at slot {@code i} (level {@code level}) of tree {@code t}. */
  private boolean place(Node node, int t, int i, int level) {
    if (node instanceof LeafNode end) {
      // The walk from i always goes left below it, so it ends in i's leftmost leaf slot.
      int first = ((i + 1) << (depth - level)) - 1 - ((1 << depth) - 1);
      leaf[(t << depth) + first] = end.prediction();
      return true;
    }
    InternalNode inner = (InternalNode) node;
    if (!(inner.split() instanceof ContinuousSplit split)) {
      return false;
    }
    int slot = t * ((1 << depth) - 1) + i;
    feature[slot] = split.featureIndex();
    threshold[slot] = split.threshold();
    return place(inner.leftChild(), t, 2 * i + 1, level + 1)
        && place(inner.rightChild(), t, 2 * i + 2, level + 1);
  }

  int trees() {
    return trees;
  }

  /**
   * The probability of the positive class for {@code x} (no NaN). {@code treeOut} is scratch space
   * of one slot per tree, reused across rows.
   */
  double probability(double[] x, double[] treeOut) {
    int splits = (1 << depth) - 1;
    for (int t = 0; t < trees; t++) {
      int base = t * splits;
      int i = 0;
      for (int d = 0; d < depth; d++) {
        i = 2 * i + (x[feature[base + i]] <= threshold[base + i] ? 1 : 2);
      }
      treeOut[t] = leaf[(t << depth) + i - splits];
    }
    double margin = BLAS$.MODULE$.nativeBLAS().ddot(trees, treeOut, 1, weights, 1);
    return model.raw2probabilityInPlace(new DenseVector(new double[] {-margin, margin})).apply(1);
  }
}
