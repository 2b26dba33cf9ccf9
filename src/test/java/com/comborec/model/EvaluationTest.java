package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import com.comborec.model.evaluation.Metrics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final StructType SCORED =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("score", DataTypes.DoubleType);
  private static final StructType PAIRS =
      new StructType().add("user_id", DataTypes.StringType).add("item_id", DataTypes.StringType);
  private static final StructType RELEVANT =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("relevant", DataTypes.createArrayType(DataTypes.StringType));

  private static Dataset<Row> scored() {
    return SPARK.createDataFrame(
        List.of(
            RowFactory.create("u1", "A", 0.9), RowFactory.create("u1", "B", 0.8),
            RowFactory.create("u1", "C", 0.7), RowFactory.create("u1", "D", 0.6),
            RowFactory.create("u2", "Y", 0.5), RowFactory.create("u2", "X", 0.5)),
        SCORED);
  }

  private static Dataset<Row> prior() {
    return SPARK.createDataFrame(List.of(RowFactory.create("u1", "B")), PAIRS);
  }

  @Test
  void filterThenTopKInRankOrder() {
    // u1 bought B before: A 0.9, C 0.7 remain on top; u2's tie X = Y goes to item_id ascending.
    Map<String, List<String>> lists = new TreeMap<>();
    for (Row r : Evaluation.topK(Evaluation.exclude(scored(), prior()), 2).collectAsList()) {
      lists.put(r.getString(0), r.getList(1));
    }
    assertEquals(Map.of("u1", List.of("A", "C"), "u2", List.of("X", "Y")), lists);
  }

  @Test
  void meanOverEvaluatedUsersWithCoverage() {
    Dataset<Row> relevant =
        SPARK.createDataFrame(
            List.of(
                RowFactory.create("u1", List.of("C", "E")),
                RowFactory.create("u2", List.of("X")),
                RowFactory.create("u3", List.of("Z"))),
            RELEVANT);
    Dataset<Row> lists = Evaluation.topK(Evaluation.exclude(scored(), prior()), 2);
    Metrics m = Evaluation.evaluate(lists, relevant, 2, 10);
    // u1 [A, C] vs {C, E}: P = 1/2, R = 1/2, NDCG = (1/log2 3) / (1 + 1/log2 3) = 0.630930 /
    // 1.630930
    //   = 0.386853, AP = (1/2) / min(2, 2) = 0.25
    // u2 [X, Y] vs {X}: P = 1/2, R = 1, NDCG = 1, AP = 1
    // u3 has no list: all 0
    double u1Ndcg = (1 / log2(3)) / (1 + 1 / log2(3));
    assertEquals(3, m.users(), "users evaluated");
    assertEquals((0.5 + 0.5 + 0) / 3, m.precision(), 1e-12, "mean P@2 = 0.333333");
    assertEquals((0.5 + 1 + 0) / 3, m.recall(), 1e-12, "mean R@2 = 0.5");
    assertEquals((u1Ndcg + 1 + 0) / 3, m.ndcg(), 1e-12, "mean NDCG@2 = 0.462284");
    assertEquals((0.25 + 1 + 0) / 3, m.map(), 1e-12, "MAP@2 = 0.416667");
    // listed items {A, C, X, Y} of a catalog of 10
    assertEquals(0.4, m.coverage(), 1e-12, "coverage");
  }

  @Test
  void noRelevantUserMeansNothingEvaluated() {
    Dataset<Row> none = SPARK.createDataFrame(List.<Row>of(), RELEVANT);
    assertEquals(Metrics.none(), Evaluation.evaluate(Evaluation.topK(scored(), 2), none, 2, 10));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
