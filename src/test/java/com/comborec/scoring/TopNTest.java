package com.comborec.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TopN against hand-computed lists and against ALSModel.recommendForAllUsers. */
class TopNTest {
  private static final StructType FACTORS =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false);
  private static final int ITEMS = 12;
  private static SparkSession spark;
  private static ALSModel model;

  @BeforeAll
  static void trainSmallModel() {
    spark = TestSpark.session();
    StructType ratings =
        new StructType()
            .add("uid", DataTypes.IntegerType)
            .add("iid", DataTypes.IntegerType)
            .add("strength", DataTypes.FloatType);
    Random rnd = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < 30; u++) {
      for (int i = 0; i < ITEMS; i++) {
        if (rnd.nextInt(3) == 0) {
          rows.add(RowFactory.create(u, i, 1f + rnd.nextInt(5)));
        }
      }
    }
    model =
        new ALS()
            .setUserCol("uid")
            .setItemCol("iid")
            .setRatingCol("strength")
            .setImplicitPrefs(true)
            .setRank(4)
            .setMaxIter(5)
            .setSeed(3)
            .setNumUserBlocks(2)
            .setNumItemBlocks(3)
            .fit(spark.createDataFrame(rows, ratings));
  }

  /**
   * Users 1 (1,0), 2 (0,1), 3 (1,1), 4 (1,1); items 10 (1,0), 11 (0,2), 12 (0.5,0.5), 13 (2,-1).
   * Scores: user 1: 13=2, 10=1, 12=0.5, 11=0; user 2: 11=2, 12=0.5, 10=0, 13=-1; user 3: 11=2, then
   * a tie at 1 between 10, 12, 13 (ids ascending break it). k=2: 1 -> [13, 10]; 2 -> [11, 12]; 3 ->
   * [11, 10]. Exclusions: user 1 drops 13 -> [10, 12]; user 4 drops every item -> []. k=5 (above
   * the 4 items): user 1 -> [13, 10, 12, 11].
   */
  @Test
  void handSetFactorsGiveHandComputedLists() {
    Dataset<Row> users =
        factors(new int[] {1, 2, 3, 4}, new float[][] {{1, 0}, {0, 1}, {1, 1}, {1, 1}});
    Dataset<Row> items =
        factors(new int[] {10, 11, 12, 13}, new float[][] {{1, 0}, {0, 2}, {0.5f, 0.5f}, {2, -1}});
    Map<Integer, List<Integer>> k2 = ids(TopN.recommend(users, items, null, 2, 2));
    assertEquals(List.of(13, 10), k2.get(1), "user 1, k=2");
    assertEquals(List.of(11, 12), k2.get(2), "user 2, k=2");
    assertEquals(List.of(11, 10), k2.get(3), "user 3, k=2 (tie at 1 broken by id)");
    Dataset<Row> excl = exclusions(Map.of(1, new int[] {13}, 4, new int[] {10, 11, 12, 13}));
    Map<Integer, List<Integer>> masked = ids(TopN.recommend(users, items, excl, 2, 3));
    assertEquals(List.of(10, 12), masked.get(1), "user 1 without item 13");
    assertEquals(List.of(), masked.get(4), "user 4 has every item excluded");
    assertEquals(
        List.of(13, 10, 12, 11),
        ids(TopN.recommend(users, items, null, 5, 4)).get(1),
        "user 1, k=5");
  }

  @Test
  void equalsRecommendForAllUsersForKBelowEqualAndAboveItemCount() {
    for (int k : new int[] {5, ITEMS, ITEMS + 3}) {
      Map<Integer, List<float[]>> expected = reference(Map.of(), k);
      assertSame(
          expected,
          TopN.recommend(model.userFactors(), model.itemFactors(), null, k, 7),
          "broadcast k=" + k);
      assertSame(
          expected,
          TopN.recommend(model.userFactors(), model.itemFactors(), null, k, 7, 3L * 4 * 4),
          "blocked k=" + k);
    }
  }

  @Test
  void equalsFilteredReferenceWithExclusionsAndAFullyFilteredUser() {
    Map<Integer, int[]> excluded = new HashMap<>();
    Random rnd = new Random(5);
    for (int u = 0; u < 30; u += 2) {
      excluded.put(u, rnd.ints(ITEMS - 2, 0, ITEMS).distinct().toArray()); // up to 10 of 12 items
    }
    excluded.put(1, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    for (int k : new int[] {3, ITEMS, ITEMS + 3}) {
      Map<Integer, List<float[]>> expected = reference(excluded, k);
      Dataset<Row> ex = exclusions(excluded);
      assertSame(
          expected,
          TopN.recommend(model.userFactors(), model.itemFactors(), ex, k, 4),
          "broadcast k=" + k);
      assertSame(
          expected,
          TopN.recommend(model.userFactors(), model.itemFactors(), ex, k, 4, 5L * 4 * 4),
          "blocked k=" + k);
    }
  }

  /**
   * recommendForAllUsers over every item, minus the exclusions, re-sorted by (score desc, id asc),
   * first k.
   */
  private static Map<Integer, List<float[]>> reference(Map<Integer, int[]> excluded, int k) {
    Map<Integer, List<float[]>> out = new TreeMap<>();
    for (Row r : model.recommendForAllUsers(ITEMS).collectAsList()) {
      int uid = r.getInt(0);
      Set<Integer> ex = new HashSet<>();
      for (int i : excluded.getOrDefault(uid, new int[0])) {
        ex.add(i);
      }
      List<float[]> list = new ArrayList<>();
      for (Row item : r.<Row>getList(1)) {
        if (!ex.contains(item.getInt(0))) {
          list.add(new float[] {item.getInt(0), item.getFloat(1)});
        }
      }
      list.sort(Comparator.<float[]>comparingDouble(a -> -a[1]).thenComparingDouble(a -> a[0]));
      out.put(uid, list.subList(0, Math.min(k, list.size())));
    }
    return out;
  }

  private static void assertSame(
      Map<Integer, List<float[]>> expected, Dataset<Row> actual, String what) {
    Map<Integer, List<float[]>> got = new TreeMap<>();
    for (Row r : actual.collectAsList()) {
      List<float[]> list = new ArrayList<>();
      r.<Row>getList(1).forEach(i -> list.add(new float[] {i.getInt(0), i.getFloat(1)}));
      got.put(r.getInt(0), list);
    }
    assertEquals(expected.keySet(), got.keySet(), what + ": users");
    expected.forEach(
        (uid, exp) -> {
          List<float[]> g = got.get(uid);
          assertEquals(exp.size(), g.size(), what + ": list length of user " + uid);
          for (int i = 0; i < exp.size(); i++) {
            assertEquals(
                exp.get(i)[0], g.get(i)[0], what + ": item at position " + i + " of user " + uid);
            assertEquals(
                exp.get(i)[1],
                g.get(i)[1],
                1e-5,
                what + ": score at position " + i + " of user " + uid);
          }
        });
  }

  private static Dataset<Row> factors(int[] ids, float[][] vectors) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      List<Float> v = new ArrayList<>();
      for (float f : vectors[i]) {
        v.add(f);
      }
      rows.add(RowFactory.create(ids[i], v));
    }
    return spark.createDataFrame(rows, FACTORS);
  }

  private static Dataset<Row> exclusions(Map<Integer, int[]> excluded) {
    List<Row> rows = new ArrayList<>();
    excluded.forEach(
        (uid, iids) ->
            rows.add(RowFactory.create(uid, java.util.Arrays.stream(iids).boxed().toList())));
    return spark.createDataFrame(rows, TopN.EXCLUSIONS);
  }

  private static Map<Integer, List<Integer>> ids(Dataset<Row> recs) {
    Map<Integer, List<Integer>> out = new HashMap<>();
    for (Row r : recs.collectAsList()) {
      List<Integer> ids = new ArrayList<>();
      r.<Row>getList(1).forEach(i -> ids.add(i.getInt(0)));
      out.put(r.getInt(0), ids);
    }
    return out;
  }
}
