package com.comborec.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** BlockScorer against brute force, across tile boundaries, with exact ties and masking. */
class BlockScorerTest {

  /**
   * Small integer factors make every score an exact small integer in float arithmetic, so the brute
   * force and sgemm agree bit for bit and ties are frequent: this checks the tie order (lower item
   * id first) exactly. 301 users x 2100 items cross both tile sizes (256, 1024), leave a short last
   * item tile, and a last group of one user for the Java kernel (301 = 75 x 4 + 1). Both multiplies
   * are checked: netlib's sgemm and the Java tile kernel.
   */
  @Test
  void matchesBruteForceAcrossTilesWithTiesAndMasks() {
    Random rnd = new Random(7);
    int rank = 3;
    FactorMatrix users = randomIntegerMatrix(rnd, 301, rank, 0);
    FactorMatrix items = randomIntegerMatrix(rnd, 2100, rank, 5000);
    int[][] excluded = new int[301][];
    for (int u = 0; u < 301; u += 3) {
      excluded[u] = new int[] {items.ids[rnd.nextInt(2100)], items.ids[rnd.nextInt(2100)], 999_999};
    }
    for (boolean sgemm : new boolean[] {true, false}) {
      for (int k : new int[] {1, 10, 2100, 2500}) {
        BlockHeaps heaps = BlockScorer.score(users, excluded, items, k, sgemm);
        for (int u = 0; u < 301; u++) {
          int[] expected = bruteForce(users, u, items, excluded[u], k);
          int[] ids = new int[k];
          int n = heaps.sorted(u, ids, new float[k]);
          String where = (sgemm ? "sgemm" : "java kernel") + " k=" + k + " user row " + u;
          assertArrayEquals(expected, java.util.Arrays.copyOf(ids, n), where);
        }
      }
    }
  }

  @Test
  void userWithEveryItemExcludedGetsNothing() {
    // 1 user (1,1), items 1 (1,0) and 2 (0,1); both excluded -> empty list even for k = 5.
    FactorMatrix users = new FactorMatrix(2, new int[] {7}, new float[] {1, 1});
    FactorMatrix items = new FactorMatrix(2, new int[] {1, 2}, new float[] {1, 0, 0, 1});
    for (boolean sgemm : new boolean[] {true, false}) {
      BlockHeaps heaps = BlockScorer.score(users, new int[][] {{1, 2}}, items, 5, sgemm);
      assertEquals(0, heaps.size(0), "user 7 must get an empty list, sgemm=" + sgemm);
    }
  }

  private static FactorMatrix randomIntegerMatrix(Random rnd, int n, int rank, int firstId) {
    int[] ids = new int[n];
    float[] values = new float[n * rank];
    for (int j = 0; j < n; j++) {
      ids[j] = firstId + 2 * j; // sparse ids: columns are not ids
      for (int r = 0; r < rank; r++) {
        values[j * rank + r] = rnd.nextInt(5) - 2;
      }
    }
    return new FactorMatrix(rank, ids, values);
  }

  private static int[] bruteForce(
      FactorMatrix users, int u, FactorMatrix items, int[] excluded, int k) {
    List<float[]> scored = new ArrayList<>(); // {score, id}
    for (int j = 0; j < items.size(); j++) {
      int id = items.ids[j];
      if (excluded != null && java.util.Arrays.stream(excluded).anyMatch(e -> e == id)) {
        continue;
      }
      float s = 0;
      for (int r = 0; r < users.rank; r++) {
        s += users.values[u * users.rank + r] * items.values[j * items.rank + r];
      }
      scored.add(new float[] {s, id});
    }
    scored.sort(Comparator.<float[]>comparingDouble(a -> -a[0]).thenComparingDouble(a -> a[1]));
    return scored.stream().limit(k).mapToInt(a -> (int) a[1]).toArray();
  }
}
