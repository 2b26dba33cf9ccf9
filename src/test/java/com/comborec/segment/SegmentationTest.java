package com.comborec.segment;

import static com.comborec.segment.SegmentFixtures.spark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.contract.Schemas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Standardising, KMeans, merges, ids and the edge cases, on hand-made two-feature tables. */
class SegmentationTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("x", DataTypes.DoubleType)
          .add("y", DataTypes.DoubleType)
          .add("frequency", DataTypes.DoubleType)
          .add("monetary", DataTypes.DoubleType);

  /** Three obvious groups: a5 around (0,0) x5, b4 around (10,0) x4, c3 around (0,10) x3. */
  private static final List<Row> THREE_GROUPS =
      List.of(
          point("a1", 0, 0),
          point("a2", 0, 1),
          point("a3", 1, 0),
          point("a4", 1, 1),
          point("a5", 0.5, 0.5),
          point("b1", 10, 0),
          point("b2", 10, 1),
          point("b3", 11, 0),
          point("b4", 11, 1),
          point("c1", 0, 10),
          point("c2", 1, 10),
          point("c3", 0.5, 11));

  /** The segmentation of THREE_GROUPS with k 3 and min size 2, run once for several tests. */
  private static Map<String, Integer> baseAssignment;

  private static SegmentationResult.Summary baseSummary;
  private static List<Row> baseProfiles;

  @BeforeAll
  static void segmentThreeGroups() {
    try (SegmentationResult result = Segmentation.segment(table(THREE_GROUPS), settings(3, 2))) {
      baseAssignment = assignment(result);
      baseSummary = result.summary();
      assertEquals(Schemas.SEGMENT_PROFILES, result.profiles().schema(), "profiles schema");
      baseProfiles = result.profiles().orderBy("segment_id").collectAsList();
    }
  }

  private static Row point(String user, double x, double y) {
    return RowFactory.create(user, x, y, 1.0 + x, 10.0 * (1.0 + y));
  }

  private static FeatureTable table(List<Row> rows) {
    return new FeatureTable(
        spark().createDataFrame(rows, SCHEMA),
        List.of("x", "y"),
        List.of("x", "y", "frequency", "monetary"),
        Map.of());
  }

  private static SegmentSettings settings(int k, int minSize) {
    return new SegmentSettings(k, minSize, 30, 42, 8, 5);
  }

  /** user_id -> segment_id, sorted by user for readable failures. */
  private static Map<String, Integer> assignment(SegmentationResult result) {
    Map<String, Integer> out = new TreeMap<>();
    result.segments().collectAsList().forEach(r -> out.put(r.getString(0), r.getInt(1)));
    return out;
  }

  /**
   * k 3, min size 2: the groups are the segments, numbered by size: a = 0 (5), b = 1 (4), c = 2
   * (3); the groups are far apart, so the silhouette is close to 1.
   */
  @Test
  void clearlySeparatedGroupsBecomeSegmentsNumberedBySize() {
    for (String user : baseAssignment.keySet()) {
      int expected =
          switch (user.charAt(0)) {
            case 'a' -> 0;
            case 'b' -> 1;
            default -> 2;
          };
      assertEquals(
          expected, baseAssignment.get(user), "segment of " + user + " in " + baseAssignment);
    }
    assertEquals(List.of(5L, 4L, 3L), baseSummary.sizes(), "sizes by segment id");
    assertTrue(baseSummary.silhouette() > 0.8, "silhouette " + baseSummary.silhouette());
    assertEquals(3, baseProfiles.size(), "published profiles");
  }

  /**
   * On one line (y = 0, so y carries no spread): a at x 0..1 x5, b at x 10..11 x5 and one outlier o
   * at x 30. k 3, min size 2: KMeans gives o its own cluster, which is too small and joins its
   * nearest, b. Ids by size: b+o = 0 (6), a = 1 (5).
   */
  @Test
  void aTooSmallClusterJoinsItsNearestSegment() {
    List<Row> rows = new ArrayList<>();
    for (double dx : new double[] {0, 0.2, 0.5, 0.8, 1}) {
      rows.add(point("a" + dx, dx, 0));
      rows.add(point("b" + dx, 10 + dx, 0));
    }
    rows.add(point("o", 30, 0));
    try (SegmentationResult result = Segmentation.segment(table(rows), settings(3, 2))) {
      Map<String, Integer> segments = assignment(result);
      for (String user : segments.keySet()) {
        assertEquals(
            user.startsWith("a") ? 1 : 0,
            segments.get(user),
            "segment of " + user + " in " + segments);
      }
      assertEquals(3, result.summary().clusters(), "clusters before merging");
      assertEquals(List.of(6L, 5L), result.summary().sizes(), "sizes after merging");
    }
  }

  /**
   * Profiles average in original units: c = (0,10), (1,10), (0.5,11) -> x 0.5, y 31/3. Label:
   * frequency (1 + x) is 1.5 for a and c, 11.5 for b (overall 58 / 12 = 4.83): a and c tie below
   * the mean, so both take the lowest rank -> occasional; spend 10 (1 + y) is 15 for a and b, 113.3
   * for c -> high spend; no category columns, so no category word.
   */
  @Test
  void profilesHoldMeansInOriginalUnitsAndALabel() {
    Row c = baseProfiles.get(2);
    assertEquals(2, c.getInt(0), "third profile: segment_id");
    assertEquals(3L, c.getLong(1), "segment 2: users");
    Map<String, Double> features = c.getJavaMap(3);
    assertEquals(0.5, features.get("x"), 1e-9, "segment 2: features[x]");
    assertEquals(31.0 / 3, features.get("y"), 1e-9, "segment 2: features[y]");
    assertEquals("occasional · high spend", c.getString(2), "segment 2: label");
  }

  @Test
  void idsAreStableWhateverTheInputOrder() {
    List<Row> reversed = new ArrayList<>(THREE_GROUPS);
    Collections.reverse(reversed);
    FeatureTable shuffled =
        new FeatureTable(
            spark().createDataFrame(reversed, SCHEMA).repartition(3), List.of("x", "y"),
            List.of("x", "y", "frequency", "monetary"), Map.of());
    try (SegmentationResult result = Segmentation.segment(shuffled, settings(3, 2))) {
      assertEquals(
          baseAssignment,
          assignment(result),
          "assignment on rerun with reversed, repartitioned input");
    }
  }

  /**
   * 240 users spread evenly over a square, k 5: no natural clusters, so where KMeans ends depends
   * on its seeded start, which samples the rows per partition. The same users, read as one
   * partition under 2 shuffle partitions and as 7 reversed partitions under 11, get the same
   * segments: the split KMeans sees follows the user ids alone.
   */
  @Test
  void segmentsDoNotDependOnShufflePartitionsOrTheInputsSplit() {
    List<Row> grid = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 240; i++) {
      grid.add(point(String.format("u%03d", i), random.nextDouble(), random.nextDouble()));
    }
    List<Row> reversed = new ArrayList<>(grid);
    Collections.reverse(reversed);
    Map<String, Integer> one = segmentUnder(2, spark().createDataFrame(grid, SCHEMA).coalesce(1));
    Map<String, Integer> seven =
        segmentUnder(11, spark().createDataFrame(reversed, SCHEMA).repartition(7));
    assertEquals(240, one.size(), "users segmented");
    assertTrue(new HashSet<>(one.values()).size() >= 3, "segments " + one.values());
    List<String> moved =
        one.keySet().stream().filter(u -> !one.get(u).equals(seven.get(u))).toList();
    assertEquals(List.of(), moved, "users in another segment under another split");
  }

  private static Map<String, Integer> segmentUnder(int shufflePartitions, Dataset<Row> rows) {
    String key = "spark.sql.shuffle.partitions";
    String before = spark().conf().get(key);
    spark().conf().set(key, shufflePartitions);
    FeatureTable features =
        new FeatureTable(
            rows, List.of("x", "y"), List.of("x", "y", "frequency", "monetary"), Map.of());
    try (SegmentationResult result = Segmentation.segment(features, settings(5, 10))) {
      return assignment(result);
    } finally {
      spark().conf().set(key, before);
    }
  }

  /** One partition per 100,000 users, at least one, whatever Spark's settings. */
  @Test
  void usersSetTheNumberOfPartitionsKMeansReads() {
    assertEquals(1, Segmentation.partitionsFor(0), "no users");
    assertEquals(1, Segmentation.partitionsFor(250), "the sample's 250 users");
    assertEquals(1, Segmentation.partitionsFor(100_000), "100,000 users");
    assertEquals(2, Segmentation.partitionsFor(100_001), "100,001 users");
    assertEquals(50, Segmentation.partitionsFor(5_000_000), "5 million users");
  }

  @Test
  void noUsersGiveEmptyTablesWithTheContractSchemas() {
    try (SegmentationResult result = Segmentation.segment(table(List.of()), settings(6, 20))) {
      assertEquals(Schemas.SEGMENTS, result.segments().schema(), "segments schema");
      assertEquals(Schemas.SEGMENT_PROFILES, result.profiles().schema(), "profiles schema");
      assertEquals(0, result.segments().count(), "segments rows");
      assertEquals(0, result.profiles().count(), "profile rows");
      assertEquals(List.of(), result.summary().sizes(), "sizes");
    }
  }

  /**
   * One user, min size 20: one segment 0, never published; min size 1: published alone is allowed.
   */
  @Test
  void aSingleUserIsOneSegment() {
    List<Row> one = List.of(point("solo", 3, 4));
    try (SegmentationResult result = Segmentation.segment(table(one), settings(6, 20))) {
      assertEquals(Map.of("solo", 0), assignment(result), "assignment");
      assertEquals(0, result.profiles().count(), "profiles below the minimum size");
      assertEquals(1, result.summary().kFitted(), "k fitted");
      assertNull(result.summary().silhouette(), "silhouette of one segment");
    }
    try (SegmentationResult result = Segmentation.segment(table(one), settings(6, 1))) {
      assertEquals(1, result.profiles().count(), "profiles at min size 1");
    }
  }

  /**
   * 12 users, k 6, min size 7: no two segments could both reach 7, so everything is one segment
   * without running KMeans, published since 12 >= 7.
   */
  @Test
  void fewUsersReduceK() {
    try (SegmentationResult result = Segmentation.segment(table(THREE_GROUPS), settings(6, 7))) {
      assertEquals(6, result.summary().kRequested(), "k requested");
      assertEquals(1, result.summary().kFitted(), "k fitted");
      assertEquals(List.of(12L), result.summary().sizes(), "sizes");
      assertEquals(1, result.profiles().count(), "published profiles");
    }
  }

  /** k is capped by users / min size (each segment must be able to reach it), and is at least 1. */
  @Test
  void effectiveKIsWhatTheUsersAllow() {
    assertEquals(6, Segmentation.effectiveK(1000, settings(6, 20)), "1000 users, k 6, min 20");
    assertEquals(2, Segmentation.effectiveK(59, settings(6, 20)), "59 users, k 6, min 20");
    assertEquals(1, Segmentation.effectiveK(19, settings(6, 20)), "19 users, k 6, min 20");
    assertEquals(1, Segmentation.effectiveK(1, settings(6, 20)), "1 user");
    assertEquals(3, Segmentation.effectiveK(3, settings(6, 1)), "3 users, min 1");
  }
}
