package com.comborec.model.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import com.comborec.store.WorkSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The bounded top-k neighbours against hand-computed cosines, and against the window sort they
 * replaced ({@link WindowSortCooccurrence}) on random fixtures: same rows, same order, same scores.
 */
class CooccurrenceTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final double R10 = 1 / Math.sqrt(10); // 0.316228
  private static final double R2 = 1 / Math.sqrt(2); // 0.707107

  // u1: A 1, B 1, C 1; u2: A 2, B 2; u3: C 1, D 1.
  // Norms: |A| = |B| = sqrt(1 + 4) = sqrt 5, |C| = sqrt 2, |D| = 1.
  // A.B = 1 + 4 = 5 -> 1; A.C = B.C = 1 -> 1 / sqrt 10 (a tie); C.D = 1 -> 1 / sqrt 2.
  // A and D, B and D share no user: never neighbours.
  private static Dataset<Row> fixture() {
    return interactions(
        List.of(
            RowFactory.create("u1", "A", 1.0),
            RowFactory.create("u1", "B", 1.0),
            RowFactory.create("u1", "C", 1.0),
            RowFactory.create("u2", "A", 2.0),
            RowFactory.create("u2", "B", 2.0),
            RowFactory.create("u3", "C", 1.0),
            RowFactory.create("u3", "D", 1.0)));
  }

  @Test
  void kBelowTheNeighbourCountKeepsTheBestAndBreaksTiesByItemId() {
    // k = 2: C keeps D and then A of the tied A and B.
    assertRows(
        List.of(
            row("A", "B", 1.0),
            row("A", "C", R10),
            row("B", "A", 1.0),
            row("B", "C", R10),
            row("C", "D", R2),
            row("C", "A", R10),
            row("D", "C", R2)),
        Cooccurrence.neighbours(fixture(), 2, 10));
    assertRows(
        List.of(row("A", "B", 1.0), row("B", "A", 1.0), row("C", "D", R2), row("D", "C", R2)),
        Cooccurrence.neighbours(fixture(), 1, 10));
  }

  @Test
  void kAtOrAboveTheNeighbourCountKeepsEveryNeighbour() {
    List<Row> all =
        List.of(
            row("A", "B", 1.0),
            row("A", "C", R10),
            row("B", "A", 1.0),
            row("B", "C", R10),
            row("C", "D", R2),
            row("C", "A", R10),
            row("C", "B", R10),
            row("D", "C", R2));
    assertRows(all, Cooccurrence.neighbours(fixture(), 3, 10)); // C has exactly 3
    assertRows(all, Cooccurrence.neighbours(fixture(), 50, 10));
  }

  @Test
  void theCapKeepsEachUsersStrongestItemsTiesByItemId() {
    // cap 2: u1's A, B, C tie at 1 -> A and B. |C| = |D| = 1 now, so C.D = 1 -> 1; A.B stays 1.
    assertRows(
        List.of(row("A", "B", 1.0), row("B", "A", 1.0), row("C", "D", 1.0), row("D", "C", 1.0)),
        Cooccurrence.neighbours(fixture(), 5, 2));
  }

  @Test
  void noInteractionsGiveNoNeighbours() {
    assertRows(List.of(), Cooccurrence.neighbours(interactions(List.of()), 5, 10));
  }

  @Test
  void equalsTheWindowSortOnRandomIntegerStrengths() {
    // Whole strengths make every dot product exact whatever the summation order, so the many
    // ties must break exactly as the window sort breaks them.
    Dataset<Row> in = randomInteractions(new Random(7), 80, 30, 12, true);
    // k below, near and above the neighbour counts; caps that cut most users, some, none
    int[][] kAndCap = {{1, 200}, {3, 2}, {10, 5}, {40, 200}};
    for (int[] kc : kAndCap) {
      assertRows(
          sorted(WindowSortCooccurrence.neighbours(in, kc[0], kc[1])),
          Cooccurrence.neighbours(in, kc[0], kc[1]));
    }
  }

  @Test
  void equalsTheWindowSortOnRandomRealStrengths() {
    Dataset<Row> in = randomInteractions(new Random(11), 120, 40, 15, false);
    for (int k : new int[] {5, 50}) {
      assertRows(
          sorted(WindowSortCooccurrence.neighbours(in, k, 8)), Cooccurrence.neighbours(in, k, 8));
    }
  }

  /** Users with 0..maxItems distinct items of {@code items}; strengths 1..4, or real in (0, 5). */
  private static Dataset<Row> randomInteractions(
      Random rnd, int users, int items, int maxItems, boolean whole) {
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int n = rnd.nextInt(maxItems + 1);
      List<Integer> picked = new ArrayList<>();
      while (picked.size() < n) {
        int i = rnd.nextInt(items);
        if (!picked.contains(i)) {
          picked.add(i);
        }
      }
      for (int i : picked) {
        double s = whole ? 1 + rnd.nextInt(4) : 5 * rnd.nextDouble() + 1e-3;
        rows.add(RowFactory.create("u" + u, String.format("i%02d", i), s));
      }
    }
    return interactions(rows);
  }

  private static Dataset<Row> interactions(List<Row> rows) {
    return SPARK.createDataFrame(rows, WorkSchemas.INTERACTIONS);
  }

  private static Row row(String item, String other, double score) {
    return RowFactory.create(item, other, score);
  }

  /** Rows by item_id, each item's neighbours in their rank order (score desc, other asc). */
  private static List<Row> sorted(Dataset<Row> neighbours) {
    List<Row> rows = new ArrayList<>(neighbours.collectAsList());
    rows.sort(CooccurrenceTest::byItemThenRank);
    return rows;
  }

  private static int byItemThenRank(Row a, Row b) {
    int c = a.getString(0).compareTo(b.getString(0));
    if (c != 0) {
      return c;
    }
    c = -NeighbourHeap.compareScores(a.getDouble(2), b.getDouble(2));
    return c != 0 ? c : a.getString(1).compareTo(b.getString(1));
  }

  /** Same rows in the same rank order per item; scores to 1e-12 (exact for whole strengths). */
  private static void assertRows(List<Row> want, Dataset<Row> got) {
    List<Row> rows = sorted(got);
    assertEquals(
        want.stream().map(r -> r.getString(0) + "/" + r.getString(1)).toList(),
        rows.stream().map(r -> r.getString(0) + "/" + r.getString(1)).toList(),
        "(item_id/other_item_id) rows in rank order");
    for (int i = 0; i < want.size(); i++) {
      assertEquals(
          want.get(i).getDouble(2),
          rows.get(i).getDouble(2),
          1e-12,
          "score of " + want.get(i).getString(0) + "/" + want.get(i).getString(1));
    }
  }
}
