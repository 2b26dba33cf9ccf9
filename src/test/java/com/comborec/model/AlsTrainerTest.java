package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.model.candidates.AlsParams;
import com.comborec.model.candidates.AlsTrainer;
import com.comborec.store.WorkSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two clusters: users 0-9 use items 0-4, users 10-19 items 5-9, each user skipping one item of
 * their cluster (user u skips item u % 5 of it). A sensible model ranks the skipped in-cluster item
 * above every item of the other cluster.
 */
class AlsTrainerTest {
  private static final SparkSession SPARK = TestSpark.session();
  // The acceptance run: 50 sweeps, lineage cut every 5 by the SparkContext's checkpoint dir.
  private static final AlsParams FIFTY = new AlsParams(4, 0.05, 10, 50, 42, 5, 1);
  private static ALSModel model;

  @BeforeAll
  static void fitFiftyIterations() {
    assertTrue(SPARK.sparkContext().getCheckpointDir().isDefined(), "tests set a checkpoint dir");
    model = AlsTrainer.fit(dense(), FIFTY);
  }

  static Dataset<Row> dense() {
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < 20; u++) {
      int base = u < 10 ? 0 : 5;
      for (int i = 0; i < 5; i++) {
        if (i != u % 5) {
          rows.add(RowFactory.create(u, base + i, 1.0));
        }
      }
    }
    return SPARK.createDataFrame(
        rows,
        new StructType()
            .add("uid", DataTypes.IntegerType)
            .add("iid", DataTypes.IntegerType)
            .add("strength", DataTypes.DoubleType));
  }

  @Test
  void fiftyIterationsCompleteAndRankTheSkippedItemAboveTheOtherCluster() {
    Map<Integer, float[]> users = factors(model.userFactors());
    Map<Integer, float[]> items = factors(model.itemFactors());
    assertEquals(20, users.size(), "user factors");
    assertEquals(10, items.size(), "item factors");
    for (int u = 0; u < 20; u++) {
      int base = u < 10 ? 0 : 5;
      int other = u < 10 ? 5 : 0;
      double skipped = dot(users.get(u), items.get(base + u % 5));
      for (int j = other; j < other + 5; j++) {
        double foreign = dot(users.get(u), items.get(j));
        assertTrue(
            skipped > foreign,
            "user "
                + u
                + ": skipped item "
                + (base + u % 5)
                + " scores "
                + skipped
                + ", other-cluster item "
                + j
                + " scores "
                + foreign);
      }
    }
  }

  @Test
  void recommendMapsDenseIdsBackToStringIds() {
    List<Row> u = new ArrayList<>();
    List<Row> i = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      u.add(RowFactory.create(String.format("u%02d", n), n));
    }
    for (int n = 0; n < 10; n++) {
      i.add(RowFactory.create("i" + n, n));
    }
    Dataset<Row> userIndex = SPARK.createDataFrame(u, WorkSchemas.USER_INDEX);
    Dataset<Row> itemIndex = SPARK.createDataFrame(i, WorkSchemas.ITEM_INDEX);
    Dataset<Row> users =
        SPARK.createDataFrame(
            List.of(RowFactory.create("u00")),
            new StructType().add("user_id", DataTypes.StringType));
    Set<String> top = new TreeSet<>();
    for (Row r : AlsTrainer.recommend(model, users, userIndex, itemIndex, 5).collectAsList()) {
      assertEquals("u00", r.getString(0), "user_id");
      top.add(r.getString(1));
    }
    assertEquals(Set.of("i0", "i1", "i2", "i3", "i4"), top, "u00's top 5 is its own cluster");
  }

  private static Map<Integer, float[]> factors(Dataset<Row> f) {
    Map<Integer, float[]> out = new HashMap<>();
    for (Row r : f.collectAsList()) {
      List<Float> v = r.getList(1);
      float[] a = new float[v.size()];
      for (int k = 0; k < a.length; k++) {
        a[k] = v.get(k);
      }
      out.put(r.getInt(0), a);
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
