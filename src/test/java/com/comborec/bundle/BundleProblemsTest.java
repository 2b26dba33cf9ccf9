package com.comborec.bundle;

import static com.comborec.bundle.Frames.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.store.WorkSchemas;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Pair affinity, problem assembly and the row-to-problem conversion on inline fixtures. */
class BundleProblemsTest {
  static final StructType CANDIDATES =
      new StructType()
          .add("segment_id", DataTypes.IntegerType)
          .add("candidate_rank", DataTypes.IntegerType)
          .add("item_id", DataTypes.StringType)
          .add("title", DataTypes.StringType)
          .add("category", DataTypes.StringType)
          .add("price", DataTypes.DoubleType)
          .add("cost", DataTypes.DoubleType)
          .add("stock", DataTypes.IntegerType)
          .add("propensity", DataTypes.DoubleType);
  static final StructType BUDGETS =
      new StructType().add("segment_id", DataTypes.IntegerType).add("budget", DataTypes.DoubleType);

  /* Segment 0 candidates B (rank 1), A (rank 2), C (rank 3); segment 1: A, D; segment 2: E. */
  private static Dataset<Row> candidates() {
    return Frames.of(
        CANDIDATES,
        row(0, 2, "A", "Apron", "kitchen", 10.0, 6.0, null, 0.4),
        row(0, 1, "B", "Bowl", "kitchen", 20.0, 10.0, 5, 0.5),
        row(0, 3, "C", "Cup", "kitchen", 4.0, 1.0, 2, 0.1),
        row(1, 1, "A", "Apron", "kitchen", 10.0, 6.0, null, 0.3),
        row(1, 2, "D", "Drill", "tools", 30.0, 12.0, null, 0.2),
        row(2, 1, "E", "Egg", "food", 1.0, 0.5, null, 0.9));
  }

  /*
   * pair_stats: A>B lift 3 conf 0.6; B>A lift 3 conf 0.3; A>C lift 0.5 conf 0.1; A>D lift 2 conf 0.2;
   * D>A lift 2 conf 0.4; B>D lift 5 (never candidates of one segment).
   * lift -> max(0, lift - 1): seg 0 A>B 2, B>A 2 (A>C 0 dropped); seg 1 A>D 1, D>A 1.
   * confidence: seg 0 A>B 0.6, B>A 0.3, A>C 0.1; seg 1 A>D 0.2, D>A 0.4.
   */
  private static Dataset<Row> pairStats() {
    return Frames.of(
        WorkSchemas.PAIR_STATS,
        row("A", "B", 10L, 0.1, 0.6, 3.0),
        row("B", "A", 10L, 0.1, 0.3, 3.0),
        row("A", "C", 2L, 0.1, 0.1, 0.5),
        row("A", "D", 4L, 0.1, 0.2, 2.0),
        row("D", "A", 4L, 0.1, 0.4, 2.0),
        row("B", "D", 3L, 0.1, 0.5, 5.0));
  }

  @Test
  void affinityKeepsPairsOfOneSegmentsCandidates() {
    assertEquals(
        Map.of("0 A>B", 2.0, "0 B>A", 2.0, "1 A>D", 1.0, "1 D>A", 1.0), affinity("lift"), "lift");
    assertEquals(
        Map.of("0 A>B", 0.6, "0 B>A", 0.3, "0 A>C", 0.1, "1 A>D", 0.2, "1 D>A", 0.4),
        affinity("confidence"),
        "confidence");
  }

  /*
   * Budgets: segment 0 -> 25, segment 1 -> 40; segment 2 has none, so no problem.
   * Segment 0's items by candidate rank: B, A, C; affinity[B][A] = affinity[A][B] = 2, rest 0.
   * Segment 1: A, D with affinity 1 both ways.
   */
  @Test
  void assembledRowsBecomeProblems() {
    Dataset<Row> budgets = Frames.of(BUDGETS, row(0, 25.0), row(1, 40.0));
    Dataset<Row> assembled =
        BundleProblems.assembleProblems(
            candidates(),
            budgets,
            BundleProblems.candidateAffinity(candidates(), pairStats(), "lift"));
    List<BundleProblem> problems =
        assembled.orderBy("segment_id").collectAsList().stream()
            .map(BundleProblems::toProblem)
            .toList();
    assertEquals(2, problems.size(), "problems (segment 2 has no budget)");
    BundleProblem first = problems.get(0);
    assertEquals(
        List.of("B", "A", "C"),
        first.items().stream().map(BundleItem::itemId).toList(),
        "seg 0 items");
    assertEquals(25.0, first.budget(), 0, "seg 0 budget");
    assertEquals(
        BundleItem.of("B", "Bowl", "kitchen", 20.0, 10.0, 5, 0.5),
        first.items().get(0),
        "seg 0 item B");
    assertEquals(null, first.items().get(1).stock(), "seg 0 item A stock");
    assertArrayEquals(
        new double[][] {{0, 2, 0}, {2, 0, 0}, {0, 0, 0}}, first.affinity(), "seg 0 affinity");
    assertArrayEquals(
        new double[][] {{0, 1}, {1, 0}}, problems.get(1).affinity(), "seg 1 affinity");
  }

  @Test
  void segmentWithoutPairsGetsZeroAffinity() {
    Dataset<Row> budgets = Frames.of(BUDGETS, row(2, 3.0));
    Dataset<Row> noPairs =
        BundleProblems.candidateAffinity(candidates(), Frames.of(WorkSchemas.PAIR_STATS), "lift");
    BundleProblem p =
        BundleProblems.toProblem(
            BundleProblems.assembleProblems(candidates(), budgets, noPairs).first());
    assertArrayEquals(new double[][] {{0}}, p.affinity(), "segment 2 affinity");
  }

  private static Map<String, Double> affinity(String measure) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r :
        BundleProblems.candidateAffinity(candidates(), pairStats(), measure).collectAsList()) {
      out.put(r.getInt(0) + " " + r.getString(1) + ">" + r.getString(2), r.getDouble(3));
    }
    return new TreeMap<>(out);
  }

  /**
   * Item boosts: A 1.4 (rising category), D 0.8 (falling); B, C, E have no market signal -> 1.0.
   * The problem's items carry them as demand weights; BundleValues multiplies the propensity term.
   */
  @Test
  void marketBoostsBecomeDemandWeights() {
    StructType boosts =
        new StructType()
            .add("item_id", DataTypes.StringType)
            .add("market_category", DataTypes.StringType)
            .add("trend", DataTypes.DoubleType)
            .add("boost", DataTypes.DoubleType)
            .add("rising", DataTypes.BooleanType);
    Dataset<Row> weighted =
        BundleProblems.withDemandWeights(
            candidates(),
            Frames.of(
                boosts, row("A", "kitchen", 1.8, 1.4, true), row("D", "tools", 0.6, 0.8, false)));
    Dataset<Row> budgets = Frames.of(BUDGETS, row(0, 25.0), row(1, 40.0));
    List<BundleProblem> problems =
        BundleProblems.assembleProblems(
                weighted,
                budgets,
                BundleProblems.candidateAffinity(candidates(), pairStats(), "lift"))
            .orderBy("segment_id")
            .collectAsList()
            .stream()
            .map(BundleProblems::toProblem)
            .toList();
    assertEquals(
        List.of(1.0, 1.4, 1.0),
        problems.get(0).items().stream().map(BundleItem::demandWeight).toList(),
        "seg 0: B, A, C");
    assertEquals(
        List.of(1.4, 0.8),
        problems.get(1).items().stream().map(BundleItem::demandWeight).toList(),
        "seg 1: A, D");
    assertEquals(
        List.of(1.0, 1.0, 1.0),
        BundleProblems.toProblem(
                BundleProblems.assembleProblems(
                        BundleProblems.withDemandWeights(candidates(), null),
                        budgets,
                        BundleProblems.candidateAffinity(candidates(), pairStats(), "lift"))
                    .orderBy("segment_id")
                    .first())
            .items()
            .stream()
            .map(BundleItem::demandWeight)
            .toList(),
        "no market stage: every weight 1");
  }
}
