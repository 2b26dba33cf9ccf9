package com.comborec.model.candidates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-task kernel without Spark: the heap against a full sort, blocks against one block. */
class CosineBlockTest {
  private record Neighbour(int item, int other, double score) {}

  @Test
  void heapKeepsWhatAFullSortKeeps() {
    Random rnd = new Random(3);
    for (int round = 0; round < 200; round++) {
      int k = 1 + rnd.nextInt(6);
      List<Neighbour> offered = new ArrayList<>();
      NeighbourHeap heap = new NeighbourHeap(k);
      for (int id = 0, n = rnd.nextInt(12); id < n; id++) {
        // few distinct scores, so ties are common; NaN ranks first, as in Spark SQL
        double score = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(4) / 4.0;
        offered.add(new Neighbour(0, id, score));
        heap.offer(id, score);
      }
      offered.sort(
          Comparator.comparing(Neighbour::score, (a, b) -> -NeighbourHeap.compareScores(a, b))
              .thenComparingInt(Neighbour::other));
      int[] ids = new int[k];
      double[] scores = new double[k];
      int kept = heap.drainBestFirst(ids, scores);
      List<Neighbour> got = new ArrayList<>();
      for (int i = 0; i < kept; i++) {
        got.add(new Neighbour(0, ids[i], scores[i]));
      }
      assertEquals(offered.subList(0, Math.min(k, offered.size())), got, "round " + round);
    }
  }

  @Test
  void anyBlockCountGivesTheSameNeighboursAndScores() {
    List<CosineBlock.Basket> baskets = randomBaskets(new Random(5), 60, 25, 8);
    List<Neighbour> one = neighbours(baskets, 1, 4);
    for (int blocks = 2; blocks <= 5; blocks++) {
      assertEquals(one, neighbours(baskets, blocks, 4), blocks + " blocks");
    }
  }

  @Test
  void bothDirectionsOfAPairGetTheSameDouble() {
    List<Neighbour> all = neighbours(randomBaskets(new Random(9), 60, 25, 8), 3, 1000);
    for (Neighbour n : all) {
      Neighbour back =
          all.stream()
              .filter(m -> m.item() == n.other() && m.other() == n.item())
              .findFirst()
              .get();
      assertEquals(Double.doubleToLongBits(n.score()), Double.doubleToLongBits(back.score()));
    }
  }

  private static List<Neighbour> neighbours(List<CosineBlock.Basket> baskets, int blocks, int k) {
    List<Neighbour> out = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      Iterator<Neighbour> rows = new CosineBlock(baskets, b, blocks).rows(k, Neighbour::new);
      rows.forEachRemaining(out::add);
    }
    out.sort(Comparator.comparingInt(Neighbour::item).thenComparingInt(Neighbour::other));
    return out;
  }

  /** Baskets of distinct items with real strengths; norms as the capped baskets' own. */
  private static List<CosineBlock.Basket> randomBaskets(Random rnd, int users, int items, int max) {
    List<int[]> picks = new ArrayList<>();
    List<double[]> strengths = new ArrayList<>();
    double[] squares = new double[items];
    for (int u = 0; u < users; u++) {
      int[] pick = rnd.ints(0, items).distinct().limit(2 + rnd.nextInt(max - 1)).toArray();
      double[] s = rnd.doubles(pick.length, 0.1, 5).toArray();
      for (int j = 0; j < pick.length; j++) {
        squares[pick[j]] += s[j] * s[j];
      }
      picks.add(pick);
      strengths.add(s);
    }
    List<CosineBlock.Basket> out = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int[] pick = picks.get(u);
      double[] norms = new double[pick.length];
      for (int j = 0; j < pick.length; j++) {
        norms[j] = Math.sqrt(squares[pick[j]]);
      }
      out.add(new CosineBlock.Basket("u" + (users - u), pick, strengths.get(u), norms));
    }
    return out;
  }
}
