package com.comborec.model.itemitem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.comborec.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.mllib.linalg.DenseMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Gram matrix from purchases and the scored lists, on EaseSolverTest's four users. */
class ItemItemScoresTest {
  static final StructType PAIRS =
      new StructType().add("user_id", DataTypes.StringType).add("item_id", DataTypes.StringType);

  /** u1 {A,B}, u2 {A,B,C}, u3 {C,D}, u4 {A}; u1 bought A twice (counted once). */
  static Dataset<Row> purchases() {
    String[][] rows = {
      {"u1", "A"},
      {"u1", "B"},
      {"u1", "A"},
      {"u2", "A"},
      {"u2", "B"},
      {"u2", "C"},
      {"u3", "C"},
      {"u3", "D"},
      {"u4", "A"}
    };
    List<Row> out = new ArrayList<>();
    for (String[] r : rows) {
      out.add(RowFactory.create(r[0], r[1]));
    }
    return TestSpark.session().createDataFrame(out, PAIRS);
  }

  @Test
  void gramCountsUsersWhoBoughtBothOverTheMostBoughtItems() {
    ItemGram all = ItemGram.of(purchases(), 10);
    assertArrayEquals(new String[] {"A", "B", "C", "D"}, all.items(), "by buyers, then id");
    assertArrayEquals(
        new double[] {3, 2, 1, 0, 2, 2, 1, 0, 1, 1, 2, 1, 0, 0, 1, 1}, all.values(), 0.0);
    ItemGram capped = ItemGram.of(purchases(), 2);
    assertArrayEquals(new String[] {"A", "B"}, capped.items(), "B and C tie at 2 buyers: B");
    assertArrayEquals(new double[] {3, 2, 2, 2}, capped.values(), 0.0);
  }

  @Test
  void gramValuesAreTakenColumnMajorWhateverTheMatrixLayout() {
    // [[1, 2], [3, 4]] stored row-major (transposed) and column-major.
    DenseMatrix rowMajor = new DenseMatrix(2, 2, new double[] {1, 2, 3, 4}, true);
    assertArrayEquals(new double[] {1, 3, 2, 4}, ItemGram.columnMajor(rowMajor), 0.0);
    DenseMatrix columnMajor = new DenseMatrix(2, 2, new double[] {1, 3, 2, 4});
    assertSame(columnMajor.values(), ItemGram.columnMajor(columnMajor), "no copy");
  }

  /**
   * EASE with lambda 1 (weights in EaseSolverTest): u4 {A} scores B 4/9, C 1/8, D -1/21 (weak, but
   * still a candidate); u3 {C,D} scores A 2/13 - 1/13 = 1/13, B 2/9 - 1/9 = 1/9: B first; depth 1
   * keeps only B. u1 and u2 are not asked for.
   */
  @Test
  void easeListsSumTheWeightRowsOfTheUsersItems() {
    ItemItemModel ease = ItemItemModel.ease(ItemGram.of(purchases(), 10), 1.0);
    Dataset<Row> users =
        TestSpark.session()
            .createDataFrame(
                List.of(RowFactory.create("u4", "x"), RowFactory.create("u3", "x")), PAIRS);
    List<String> lists =
        ItemItemScores.topPerUser(purchases(), users, ease, 3)
            .orderBy("user_id")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0) + ":" + r.getString(1) + ":" + round(r.getDouble(2)))
            .toList();
    assertEquals(
        List.of("u3:B:0.1111", "u3:A:0.0769", "u4:B:0.4444", "u4:C:0.125", "u4:D:-0.0476").stream()
            .sorted()
            .toList(),
        lists.stream().sorted().toList());
    assertEquals(
        List.of("u3:B"),
        ItemItemScores.topPerUser(purchases(), users.filter("user_id = 'u3'"), ease, 1)
            .collectAsList()
            .stream()
            .map(r -> r.getString(0) + ":" + r.getString(1))
            .toList());
  }

  /** Cosine: cos(A,B) = 2 / sqrt(3 x 2) = 0.8165, cos(A,C) = 1 / sqrt(6) = 0.4082, cos(A,D) = 0. */
  @Test
  void cosineNormalisesTheGram() {
    ItemItemModel knn = ItemItemModel.cosine(ItemGram.of(purchases(), 10));
    assertArrayEquals(
        new float[] {0f, 0.8165f, 0.4082f, 0f}, java.util.Arrays.copyOf(knn.weights(), 4), 1e-4f);
  }

  /**
   * Blend with w = 1 for u4 {A}: the EASE row over the allowed B, C, D is 4/9, 1/8, -1/21, scaled
   * to B 1, C (1/8 + 1/21) / (4/9 + 1/21) = 0.3508, D 0; popularity D 3, E 1 (E is outside the
   * model) scaled to D 1, E 0. Sums: B 1, D 1, C 0.3508, E 0; B and D tie: B first. u5, who bought
   * nothing, gets popularity alone: D 1, E 0.
   */
  @Test
  void blendAddsScaledPopularityAndReachesItemsOutsideTheModel() {
    ItemItemModel ease = ItemItemModel.ease(ItemGram.of(purchases(), 10), 1.0);
    Dataset<Row> users =
        TestSpark.session()
            .createDataFrame(
                List.of(RowFactory.create("u4", "x"), RowFactory.create("u5", "x")), PAIRS);
    List<String> lists =
        BlendScores.topPerUser(
                purchases(),
                users,
                ItemItemScores.share(users, ease),
                java.util.Map.of("D", 3.0, "E", 1.0),
                List.of(1.0),
                3)
            .collectAsList()
            .stream()
            .map(r -> r.getString(1) + ":" + r.getString(2) + ":" + round(r.getDouble(3)))
            .sorted()
            .toList();
    assertEquals(
        List.of("u4:B:1.0", "u4:C:0.3508", "u4:D:1.0", "u5:A:0.0", "u5:B:0.0", "u5:D:1.0"), lists);
  }

  private static String round(double v) {
    return String.valueOf(Math.round(v * 10000) / 10000.0);
  }
}
