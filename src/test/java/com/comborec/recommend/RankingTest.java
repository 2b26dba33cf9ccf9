package com.comborec.recommend;

import static com.comborec.recommend.Fixtures.frame;
import static com.comborec.recommend.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.contract.Schemas;
import com.comborec.model.Serving;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Merging candidates into ranked lists, the filters at the last step, and the contract table. */
class RankingTest {
  private static final Dataset<Row> NO_EXCLUSIONS = frame(Fixtures.PAIRS);

  /**
   * u1 (eligible) has personal A 0.9 (bought), B 0.8 (inactive), C 0.7 (out of stock, so not
   * available either), D 0.6 (dismissed), E 0.5, F 0.4; popular G 100 (priority 2) and E 50
   * (priority 1, E is also personal: personal wins). Available: everything but B and C. top-n 3 ->
   * 1 E personal, 2 F personal, 3 G popular (popularity after personal, despite its score).
   */
  @Test
  void everyFilterAppliesAndPersonalItemsComeFirst() {
    Dataset<Row> candidates =
        frame(
            Fixtures.CANDIDATES,
            row("u1", "A", 0.9, "personal", null, 0),
            row("u1", "B", 0.8, "personal", null, 0),
            row("u1", "C", 0.7, "personal", null, 0),
            row("u1", "D", 0.6, "bought_with", "A", 0),
            row("u1", "E", 0.5, "personal", null, 0),
            row("u1", "F", 0.4, "bought_with", "A", 0),
            row("u1", "G", 100.0, "popular_in_segment", null, 2),
            row("u1", "E", 50.0, "popular_in_segment", null, 1));
    Dataset<Row> strategies = frame(Fixtures.STRATEGIES, row("u1", 1, true, "segment_popular"));
    Dataset<Row> excluded = frame(Fixtures.PAIRS, row("u1", "A"), row("u1", "D"));
    Dataset<Row> available =
        frame(Fixtures.ITEMS, row("A"), row("D"), row("E"), row("F"), row("G"));
    Map<String, List<String>> lists =
        Fixtures.lists(Ranking.rankLists(candidates, strategies, excluded, available, 3));
    assertEquals(
        List.of("1:E:personal:null", "2:F:bought_with:A", "3:G:popular_in_segment:null"),
        lists.get("u1"),
        "u1's list");
  }

  /**
   * u2 is not eligible: its personal candidate P is ignored; segment items S1 3.0, S2 2.0 come
   * before the global G1 9.0. u3 has no candidates at all -> no list (assemble gives it []).
   */
  @Test
  void fallbackUsersGetPopularityOnlyInPriorityOrder() {
    Dataset<Row> candidates =
        frame(
            Fixtures.CANDIDATES,
            row("u2", "P", 9.9, "personal", null, 0),
            row("u2", "G1", 9.0, "popular_in_segment", null, 2),
            row("u2", "S2", 2.0, "popular_in_segment", null, 1),
            row("u2", "S1", 3.0, "popular_in_segment", null, 1));
    Dataset<Row> strategies =
        frame(
            Fixtures.STRATEGIES,
            row("u2", 4, false, "segment_popular"),
            row("u3", 4, false, "segment_popular"));
    Dataset<Row> available = frame(Fixtures.ITEMS, row("P"), row("G1"), row("S1"), row("S2"));
    Dataset<Row> lists = Ranking.rankLists(candidates, strategies, NO_EXCLUSIONS, available, 10);
    assertEquals(
        Map.of(
            "u2",
            List.of(
                "1:S1:popular_in_segment:null",
                "2:S2:popular_in_segment:null",
                "3:G1:popular_in_segment:null")),
        Fixtures.lists(lists),
        "lists");
  }

  /** K below, equal to and above the candidate count: ranks 1..n equal a brute-force sort. */
  @Test
  void topKMatchesBruteForceForKBelowEqualAndAbove() {
    Random rnd = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rows.add(
          row(
              "u1",
              "I" + i,
              (double) rnd.nextInt(4),
              "personal",
              null,
              0)); // small ints: ties happen
    }
    Dataset<Row> candidates = frame(Fixtures.CANDIDATES, rows.toArray(new Object[0][]));
    Dataset<Row> strategies = frame(Fixtures.STRATEGIES, row("u1", 0, true, "global_popular"));
    Dataset<Row> available =
        frame(Fixtures.ITEMS, rows.stream().map(r -> row(r[1])).toArray(Object[][]::new));
    List<Object[]> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.<Object[]>comparingDouble(r -> -(double) r[2])
            .thenComparing(r -> (String) r[1]));
    for (int k : new int[] {3, 6, 9}) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < Math.min(k, 6); i++) {
        expected.add((i + 1) + ":" + sorted.get(i)[1] + ":personal:null");
      }
      assertEquals(
          expected,
          Fixtures.lists(Ranking.rankLists(candidates, strategies, NO_EXCLUSIONS, available, k))
              .get("u1"),
          "k=" + k);
    }
  }

  /**
   * One row per user of the strategies: u1 eligible with a personal item -> strategy 'als'; u2
   * eligible but only popular items made its list -> its fallback; u3 without a list -> [].
   */
  @Test
  void assembleGivesOneContractRowPerUser() {
    Dataset<Row> candidates =
        frame(
            Fixtures.CANDIDATES,
            row("u1", "A", 0.5, "personal", null, 0),
            row("u1", "B", 7.0, "popular_in_segment", null, 2),
            row("u2", "B", 7.0, "popular_in_segment", null, 2));
    Dataset<Row> strategies =
        frame(
            Fixtures.STRATEGIES,
            row("u1", 0, true, "global_popular"),
            row("u2", 0, true, "global_popular"),
            row("u3", 0, false, "global_popular"));
    Dataset<Row> lists =
        Ranking.rankLists(
            candidates, strategies, NO_EXCLUSIONS, frame(Fixtures.ITEMS, row("A"), row("B")), 10);
    Dataset<Row> table = Ranking.assemble(strategies, lists, new ModelInfo(Serving.ALS, "als-v1"));
    assertEquals(Schemas.RECOMMENDATIONS, table.schema(), "contract schema, nullability included");
    assertEquals(
        List.of("u1|0|als|als-v1", "u2|0|global_popular|als-v1", "u3|0|global_popular|als-v1"),
        Fixtures.lines(table, "user_id", "segment_id", "strategy", "model_version"),
        "one row per user");
    Map<String, List<String>> items = Fixtures.lists(table);
    assertEquals(
        List.of("1:A:personal:null", "2:B:popular_in_segment:null"), items.get("u1"), "u1 items");
    assertEquals(List.of(), items.get("u3"), "u3 has an empty list");
    assertTrue(table.filter("items is null").isEmpty(), "items never null");
  }

  /** item_id, category, boost, rising: the per-item signals the stage joins to the candidates. */
  private static final org.apache.spark.sql.types.StructType SIGNALS =
      new org.apache.spark.sql.types.StructType()
          .add("item_id", "string")
          .add("category", "string")
          .add("boost", "double")
          .add("rising", "boolean");

  private static Dataset<Row> withSignals(Dataset<Row> candidates, Object[]... signals) {
    return candidates.join(frame(SIGNALS, signals), "item_id");
  }

  /**
   * Personal A 1.0, B 0.9, C 0.8 (bought_with Z), D 0.5; C and D are in a rising category with
   * boost 1.5, A in a rising one with 1.1. top-n 2. Plain order A, B | C, D; boosted C 1.2, A 1.1,
   * B 0.9, D 0.75 -> 1 C (moved in by the boost: trending, no because_item_id), 2 A (rising, but in
   * the plain top 2 already: keeps 'personal'). D stays out although rising.
   */
  @Test
  void trendingOnlyForRisingItemsTheBoostMovedIntoTheList() {
    Dataset<Row> candidates =
        withSignals(
            frame(
                Fixtures.CANDIDATES,
                row("u1", "A", 1.0, "personal", null, 0),
                row("u1", "B", 0.9, "personal", null, 0),
                row("u1", "C", 0.8, "bought_with", "Z", 0),
                row("u1", "D", 0.5, "personal", null, 0)),
            row("A", "k", 1.1, true),
            row("B", "k", 1.0, false),
            row("C", "g", 1.5, true),
            row("D", "g", 1.5, true));
    Dataset<Row> strategies = frame(Fixtures.STRATEGIES, row("u1", 0, true, "global_popular"));
    Dataset<Row> available = frame(Fixtures.ITEMS, row("A"), row("B"), row("C"), row("D"));
    Dataset<Row> lists = Ranking.rankLists(candidates, strategies, NO_EXCLUSIONS, available, 2);
    assertEquals(
        List.of("1:C:trending:null", "2:A:personal:null"), Fixtures.lists(lists).get("u1"));
    List<Row> items =
        lists
            .select(
                org.apache.spark.sql.functions.explode(org.apache.spark.sql.functions.col("items")))
            .select("col.item_id", "col.score")
            .orderBy("item_id")
            .collectAsList();
    assertEquals(
        1.1, items.get(0).getDouble(1), 1e-12, "A's published score is boosted: 1.0 x 1.1");
    assertEquals(1.2, items.get(1).getDouble(1), 1e-12, "C's: 0.8 x 1.5");
  }

  /**
   * A falling category's boost (0.5) pushes personal A 1.0 below B 0.9 and C 0.8: top-2 B, C, and
   * neither is 'trending' (their categories are not rising; they moved in because A fell).
   */
  @Test
  void aFallingCategoryMovesOthersUpWithoutTrending() {
    Dataset<Row> candidates =
        withSignals(
            frame(
                Fixtures.CANDIDATES,
                row("u1", "A", 1.0, "personal", null, 0),
                row("u1", "B", 0.9, "personal", null, 0),
                row("u1", "C", 0.8, "personal", null, 0)),
            row("A", "f", 0.5, false),
            row("B", "k", 1.0, false),
            row("C", "k", 1.0, false));
    Dataset<Row> strategies = frame(Fixtures.STRATEGIES, row("u1", 0, true, "global_popular"));
    Dataset<Row> available = frame(Fixtures.ITEMS, row("A"), row("B"), row("C"));
    assertEquals(
        List.of("1:B:personal:null", "2:C:personal:null"),
        Fixtures.lists(Ranking.rankLists(candidates, strategies, NO_EXCLUSIONS, available, 2))
            .get("u1"));
  }

  /**
   * Category cap 1 on u1's personal A 0.9, B 0.8 (both kitchen), C 0.7 (garden) and popular P 50
   * (kitchen, priority 2). Relevance follows the merged order A, B, C, P; with one item per
   * category: 1 A, 2 C; then nothing else fits (B and P are kitchen) -> the list is shorter. The
   * published scores stay the model's (C 0.7), and the list still counts as personal.
   */
  @Test
  void categoryCapReRanksThePoolAndKeepsScores() {
    Dataset<Row> candidates =
        withSignals(
            frame(
                Fixtures.CANDIDATES,
                row("u1", "A", 0.9, "personal", null, 0),
                row("u1", "B", 0.8, "personal", null, 0),
                row("u1", "C", 0.7, "personal", null, 0),
                row("u1", "P", 50.0, "popular_in_segment", null, 2)),
            row("A", "kitchen", 1.0, false),
            row("B", "kitchen", 1.0, false),
            row("C", "garden", 1.0, false),
            row("P", "kitchen", 1.0, false));
    Dataset<Row> strategies = frame(Fixtures.STRATEGIES, row("u1", 0, true, "global_popular"));
    Dataset<Row> available = frame(Fixtures.ITEMS, row("A"), row("B"), row("C"), row("P"));
    com.comborec.responsible.Diversify cap =
        new com.comborec.responsible.Diversify(
            new com.comborec.responsible.ResponsibleSettings(1, 1.0, 0.0),
            com.comborec.responsible.ItemSimilarity.none(),
            Map.of());
    Dataset<Row> lists =
        Ranking.rankLists(candidates, strategies, NO_EXCLUSIONS, available, 3, cap);
    assertEquals(
        List.of("1:A:personal:null", "2:C:personal:null"), Fixtures.lists(lists).get("u1"));
    Row u1 = lists.collectAsList().get(0);
    assertTrue(u1.getBoolean(u1.fieldIndex("personal")), "a personal item made the list");
    assertEquals(
        0.7, lists.selectExpr("items[1].score").first().getDouble(0), 1e-12, "C keeps its score");
  }
}
