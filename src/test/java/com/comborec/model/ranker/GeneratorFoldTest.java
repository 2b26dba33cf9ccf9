package com.comborec.model.ranker;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import com.comborec.model.candidates.Generator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.junit.jupiter.api.Test;

/**
 * The per-user fold of the generators' candidates, by hand and against the group-by it replaced.
 */
class GeneratorFoldTest {
  private static final List<Generator> GENS = List.of(Generator.EASE, Generator.POP7);

  @Test
  void foldsEachUsersRowsByHand() {
    // u1: ease C 0.6 (1), D 0.3 (2); pop7 D 5.0 (1), A 4.0 (2). u2: ease B -0.2 (1), E -0.5 (2),
    // so u2's ease best is not above 0 and n_ease is null; a row of a generator not in the list
    // (als) still makes its pair a candidate. Columns: user, item, s_ease, r_ease, n_ease, s_pop7,
    // r_pop7.
    List<Row> rows =
        List.of(
            candidate("ease", "u1", "C", 0.6, 1),
            candidate("ease", "u1", "D", 0.3, 2),
            candidate("pop7", "u1", "D", 5.0, 1),
            candidate("pop7", "u1", "A", 4.0, 2),
            candidate("ease", "u2", "B", -0.2, 1),
            candidate("als", "u2", "F", 0.9, 1),
            candidate("ease", "u2", "E", -0.5, 2));
    assertEquals(
        List.of(
            "[u1,C,0.6,1,1.0,null,null]",
            "[u1,D,0.3,2,0.5,5.0,1]",
            "[u1,A,null,null,null,4.0,2]",
            "[u2,B,-0.2,1,null,null,null]",
            "[u2,F,null,null,null,null,null]",
            "[u2,E,-0.5,2,null,null,null]"),
        texts(new GeneratorFold(GENS).call(rows.iterator())));
  }

  @Test
  void aPairListedTwiceByOneGeneratorKeepsItsBestScoreAndRank() {
    // ease lists C twice (0.2 at rank 3, 0.8 at rank 1): max score 0.8, min rank 1, n 0.8 / 0.8.
    List<Row> rows =
        List.of(candidate("ease", "u1", "C", 0.2, 3), candidate("ease", "u1", "C", 0.8, 1));
    assertEquals(
        List.of("[u1,C,0.8,1,1.0,null,null]"),
        texts(new GeneratorFold(GENS).call(rows.iterator())));
  }

  @Test
  void sameRowsAsTheGroupByItReplaced() {
    SparkSession spark = TestSpark.session();
    List<Generator> gens = List.of(Generator.EASE, Generator.ITEM_KNN, Generator.POP7);
    Random random = new Random(5);
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < 60; u++) {
      for (Generator g : gens) {
        int n = random.nextInt(12);
        for (int rank = 1; rank <= n; rank++) {
          // Few items and coarse scores: many pairs shared between generators, ties, users whose
          // best is 0 or below.
          double score = (random.nextInt(9) - 2) / 4.0;
          rows.add(candidate(g.code(), "u" + u, "i" + random.nextInt(15), score, rank));
        }
      }
    }
    java.util.Collections.shuffle(rows, random); // arrive in no order: the fold must regroup
    Dataset<Row> candidates =
        spark.createDataFrame(rows, RankerFeaturesTest.CANDIDATES).repartition(3);

    Dataset<Row> folded = RankerFeatures.byGenerator(candidates, gens);
    Dataset<Row> grouped = groupBy(candidates, gens);
    assertEquals(grouped.count(), folded.count());
    assertEquals(0, folded.exceptAll(grouped).count(), "fold rows the group-by lacks");
    assertEquals(0, grouped.exceptAll(folded).count(), "group-by rows the fold lacks");
  }

  /**
   * The candidates are a union of per-generator lists, each hash-partitioned by user. Spark 4.1
   * then reports the union as partitioned by user and drops a repartition by user above it, but
   * adaptive execution coalesces each list's partitions on its own (here: a large list and a small
   * one), so a user's rows end up in several partitions of the union. At 20M events that folded a
   * pair once per partition: 28,140,950 served rows held 9,157,432 distinct pairs.
   */
  @Test
  void aUnionOfListsPartitionedByUserStillFoldsToOneRowPerPair() {
    SparkSession spark = TestSpark.session();
    List<Generator> gens = List.of(Generator.EASE, Generator.POP7);
    List<Row> ease = new ArrayList<>();
    List<Row> pop7 = new ArrayList<>();
    for (int u = 0; u < 200; u++) {
      for (int i = 0; i < 20; i++) {
        ease.add(candidate("ease", "u" + u, "i" + i, 1.0 / (i + 1), i + 1));
      }
      pop7.add(candidate("pop7", "u" + u, "i0", 5.0, 1));
    }
    // Coalesce to about 2 kB per partition, as large inputs would to 64 MB: the large list keeps
    // several partitions, the small one gets one.
    Map<String, String> small =
        Map.of(
            "spark.sql.adaptive.advisoryPartitionSizeInBytes", "2k",
            "spark.sql.adaptive.coalescePartitions.minPartitionSize", "1k",
            "spark.sql.adaptive.coalescePartitions.parallelismFirst", "false");
    Map<String, String> before = new HashMap<>();
    small.forEach(
        (k, v) -> {
          before.put(k, spark.conf().get(k));
          spark.conf().set(k, v);
        });
    try {
      Dataset<Row> candidates =
          spark
              .createDataFrame(ease, RankerFeaturesTest.CANDIDATES)
              .repartition(col("user_id"))
              .union(
                  spark
                      .createDataFrame(pop7, RankerFeaturesTest.CANDIDATES)
                      .repartition(col("user_id")));

      Dataset<Row> folded = RankerFeatures.byGenerator(candidates, gens);

      assertEquals(4000, folded.count(), "one row per (user, item)");
      assertEquals(200, folded.filter("item_id = 'i0' and s_ease = 1.0 and s_pop7 = 5.0").count());
    } finally {
      before.forEach((k, v) -> spark.conf().set(k, v));
    }
  }

  /** The aggregation byGenerator used before the fold, kept here as the reference. */
  private static Dataset<Row> groupBy(Dataset<Row> candidates, List<Generator> generators) {
    List<Column> aggs = new ArrayList<>();
    for (Generator g : generators) {
      Column mine = col("generator").equalTo(g.code());
      aggs.add(max(when(mine, col("score"))).as("s_" + g.code()));
      aggs.add(min(when(mine, col("rank"))).as("r_" + g.code()));
      if (g.personal()) {
        aggs.add(max(when(mine, col("norm"))).as("n_" + g.code()));
      }
    }
    Column best = max(col("score")).over(Window.partitionBy("generator", "user_id"));
    return candidates
        .withColumn("norm", when(best.gt(0), col("score").divide(best)))
        .groupBy("user_id", "item_id")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
  }

  private static Row candidate(String gen, String user, String item, double score, int rank) {
    return RowFactory.create(gen, user, item, score, rank);
  }

  private static List<String> texts(Iterator<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.forEachRemaining(r -> out.add(r.toString()));
    return out;
  }
}
