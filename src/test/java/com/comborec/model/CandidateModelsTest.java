package com.comborec.model;

import static com.comborec.features.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import com.comborec.features.TestEvents;
import com.comborec.model.candidates.Cooccurrence;
import com.comborec.model.candidates.Popularity;
import com.comborec.store.WorkSchemas;
import java.time.LocalDate;
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

/** Co-occurrence, blend and popularity on fixtures small enough to compute by hand. */
class CandidateModelsTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final double R = Math.sqrt(0.5); // 0.707107
  private static final StructType SCORED =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("score", DataTypes.DoubleType);

  // u1: A 1, B 1; u2: A 1, B 1, C 2. Norms: |A| = |B| = sqrt(2), |C| = 2.
  // A.B = 1 + 1 = 2 -> cos 2 / 2 = 1; A.C = B.C = 1 * 2 = 2 -> cos 2 / (2 sqrt 2) = 0.707107
  private static Dataset<Row> interactions() {
    return SPARK.createDataFrame(
        List.of(
            RowFactory.create("u1", "A", 1.0),
            RowFactory.create("u1", "B", 1.0),
            RowFactory.create("u2", "A", 1.0),
            RowFactory.create("u2", "B", 1.0),
            RowFactory.create("u2", "C", 2.0)),
        WorkSchemas.INTERACTIONS);
  }

  @Test
  void cosineNeighboursKeepTopKPerItem() {
    // k = 1: A -> B (1), B -> A (1), C -> A (tie 0.707 with B, item_id ascending)
    assertScores(
        Map.of("A/B", 1.0, "B/A", 1.0, "C/A", R),
        rounded(Cooccurrence.neighbours(interactions(), 1, 10), "item_id", "other_item_id"));
    assertEquals(
        6, Cooccurrence.neighbours(interactions(), 2, 10).count(), "k = 2: every ordered pair");
    // each user's single strongest item (u1: A by item order, u2: C): no pair at all
    assertEquals(
        0, Cooccurrence.neighbours(interactions(), 2, 1).count(), "cap of one item per user");
  }

  @Test
  void userScoreIsTheSumOfSimilarities() {
    Dataset<Row> nb = Cooccurrence.neighbours(interactions(), 2, 10);
    Dataset<Row> u1 = interactions().filter("user_id = 'u1'");
    // u1 has A and B: B gets cos(A,B) = 1, A gets cos(B,A) = 1, C gets 0.707107 + 0.707107 =
    // 1.414214
    assertScores(
        Map.of("u1/A", 1.0, "u1/B", 1.0, "u1/C", 2 * R),
        rounded(Cooccurrence.scoreUsers(u1, nb), "user_id", "item_id"));
  }

  @Test
  void popularityOverTheTrailingWindow() {
    Dataset<Row> events =
        TestEvents.of(
            SPARK,
            List.of(
                event("2026-03-10T10:00:00Z", null, "A", "purchase", 1), // guest counts: 5 ln 2
                event("2026-03-09T10:00:00Z", "u1", "A", "view", null), // ln 2
                event("2026-03-08T10:00:00Z", "u1", "A", "purchase", 1), // outside the 2-day window
                event(
                    "2026-03-10T10:00:00Z",
                    "u1",
                    "B",
                    "purchase",
                    1), // bought and returned: 0, dropped
                event("2026-03-10T11:00:00Z", "u1", "B", "return", 1),
                event("2026-03-09T10:00:00Z", "u2", "C", "click", null))); // ln 2
    Map<String, Double> weights =
        Map.of("view", 1.0, "click", 1.0, "purchase", 5.0, "return", -5.0);
    LocalDate day = LocalDate.parse("2026-03-10");
    double ln2 = Math.log(2);
    assertScores(
        Map.of("A", 6 * ln2, "C", ln2),
        rounded(Popularity.global(events, weights, "log1p", day, 2), "item_id", null));
    Dataset<Row> segments =
        SPARK.createDataFrame(
            List.of(RowFactory.create("u1", 1), RowFactory.create("u2", 2)),
            new StructType()
                .add("user_id", DataTypes.StringType)
                .add("segment_id", DataTypes.IntegerType));
    // members only (no guest): segment 1 has u1's view of A, segment 2 u2's click on C
    assertScores(
        Map.of("1/A", ln2, "2/C", ln2),
        rounded(
            Popularity.bySegment(events, segments, weights, "log1p", day, 2),
            "segment_id",
            "item_id"));
  }

  /** key1/key2 -> score. */
  private static Map<String, Double> rounded(Dataset<Row> rows, String key1, String key2) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : rows.collectAsList()) {
      String key =
          String.valueOf(r.<Object>getAs(key1)) + (key2 == null ? "" : "/" + r.getAs(key2));
      out.put(key, r.<Double>getAs("score"));
    }
    return out;
  }

  private static void assertScores(Map<String, Double> want, Map<String, Double> got) {
    assertEquals(new TreeMap<>(want).keySet(), got.keySet(), "rows");
    want.forEach((key, v) -> assertEquals(v, got.get(key), 1e-9, "score of " + key));
  }
}
