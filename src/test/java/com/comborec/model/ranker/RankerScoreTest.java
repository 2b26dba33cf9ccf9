package com.comborec.model.ranker;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.model.candidates.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.tree.ContinuousSplit;
import org.apache.spark.ml.tree.InternalNode;
import org.apache.spark.ml.tree.Node;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ranker scores candidates from flat tree arrays instead of Spark's vector columns; the scores
 * must be Spark's own, bit for bit, or the served lists would change with the scoring path.
 */
class RankerScoreTest {

  /** 20 trees of depth 5, fitted once for the class: enough splits on both features. */
  static Ranker.Fitted fitted;

  @BeforeAll
  static void fit() {
    RankerSettings settings =
        new RankerSettings(
            true,
            "gbt",
            List.of(Generator.EASE),
            10,
            3,
            50,
            20,
            5,
            0.3,
            0.8,
            16,
            5,
            2,
            List.of(8),
            42);
    fitted =
        Ranker.fit(
            TestSpark.session().createDataFrame(RankerFitTest.rows(), RankerFitTest.LABELLED),
            RankerFitTest.FEATURES,
            settings);
  }

  /** Score per "user/item" from the fast path and from the fitted pipeline's own transform. */
  static Map<String, Double> flat(Ranker.Fitted fitted, Dataset<Row> rows) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : fitted.score(rows).collectAsList()) {
      out.put(r.getString(0) + "/" + r.getString(1), r.getDouble(2));
    }
    return out;
  }

  static Map<String, Double> spark(Ranker.Fitted fitted, Dataset<Row> rows) {
    Map<String, Double> out = new TreeMap<>();
    Dataset<Row> scored =
        fitted
            .model()
            .transform(rows)
            .select(
                rows.col("user_id"),
                rows.col("item_id"),
                functions.vector_to_array(col("probability"), "float64").getItem(1));
    for (Row r : scored.collectAsList()) {
      out.put(r.getString(0) + "/" + r.getString(1), r.getDouble(2));
    }
    return out;
  }

  /** Every threshold the trees split on, per feature index: rows exactly on a split must agree. */
  static void thresholds(Node node, Map<Integer, List<Double>> out) {
    if (node instanceof InternalNode inner) {
      ContinuousSplit split = (ContinuousSplit) inner.split();
      out.computeIfAbsent(split.featureIndex(), k -> new ArrayList<>()).add(split.threshold());
      thresholds(inner.leftChild(), out);
      thresholds(inner.rightChild(), out);
    }
  }

  @Test
  void theFlatTreesScoreEveryRowAsSparksOwnPipelineDoes() {
    SparkSession spark = TestSpark.session();
    GBTClassificationModel gbt = (GBTClassificationModel) fitted.model().stages()[1];
    assertTrue(fitted.flatTrees().isPresent(), "a GBT on numeric columns is scored flat");

    Map<Integer, List<Double>> splits = new TreeMap<>();
    for (DecisionTreeRegressionModel tree : gbt.trees()) {
      thresholds(tree.rootNode(), splits);
    }
    List<Row> rows = new ArrayList<>(RankerFitTest.rows());
    List<Double> f1 = splits.get(0);
    List<Double> f2 = splits.get(1);
    for (int i = 0; i < Math.max(f1.size(), f2.size()); i++) {
      double a = f1.get(i % f1.size());
      double b = f2.get(i % f2.size());
      rows.add(RowFactory.create("on-split", "u" + i, "i" + i, a, b, 0.0, 1.0));
      rows.add(RowFactory.create("on-split", "v" + i, "i" + i, Math.nextUp(a), b, 0.0, 1.0));
    }
    Dataset<Row> toScore = spark.createDataFrame(rows, RankerFitTest.LABELLED);

    Map<String, Double> fast = flat(fitted, toScore.filter("cutoff in ('2011-05-01', 'on-split')"));
    Map<String, Double> own = spark(fitted, toScore.filter("cutoff in ('2011-05-01', 'on-split')"));

    assertEquals(20, gbt.getNumTrees());
    int depth =
        Arrays.stream(gbt.trees()).mapToInt(DecisionTreeRegressionModel::depth).max().orElse(0);
    assertEquals(5, depth);
    int complete = 20 * ((1 << (depth + 1)) - 1);
    assertTrue(
        gbt.totalNumNodes() < complete,
        "some leaves end above the deepest level, so the flat trees pad them: "
            + gbt.totalNumNodes());
    assertTrue(fast.size() > 1000, "rows on the thresholds are scored too: " + fast.size());
    assertEquals(own.keySet(), fast.keySet());
    List<String> differing =
        own.keySet().stream().filter(k -> !own.get(k).equals(fast.get(k))).toList();
    assertEquals(
        List.of(), differing.subList(0, Math.min(5, differing.size())), "rows scored apart");
    assertTrue(fast.values().stream().distinct().count() > 100, "the scores differ between rows");
  }

  @Test
  void aNullFeatureFailsNamingTheColumn() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> withNull =
        spark.createDataFrame(
            List.of(RowFactory.create("c", "u1", "i1", 0.5, null, 0.0, 1.0)),
            RankerFitTest.LABELLED);

    Exception e = assertThrows(Exception.class, () -> fitted.score(withNull).collectAsList());

    assertTrue(
        String.valueOf(rootCause(e).getMessage()).contains("ranker feature f2 is null or NaN"),
        String.valueOf(rootCause(e).getMessage()));
  }

  static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
