package com.comborec.combos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The indexed exact search on hand-set vectors. */
class NeighborSearchTest {
  static ItemVector v(String id, boolean listable, double... dense) {
    int nonZero = (int) java.util.Arrays.stream(dense).filter(d -> d != 0).count();
    int[] idx = new int[nonZero];
    double[] val = new double[nonZero];
    int k = 0;
    for (int i = 0; i < dense.length; i++) {
      if (dense[i] != 0) {
        idx[k] = i;
        val[k++] = dense[i];
      }
    }
    return new ItemVector(
        id, idx, val, Math.sqrt(java.util.Arrays.stream(dense).map(d -> d * d).sum()), listable);
  }

  static String ids(List<NeighborSearch.Neighbor> found) {
    return String.join(",", found.stream().map(NeighborSearch.Neighbor::id).toList());
  }

  @Test
  void ranksBySimilarityThenIdSkippingSelfAndUnlistable() {
    ItemVector a = v("a", true, 1, 0, 0);
    List<ItemVector> catalog =
        List.of(
            a,
            v("b", true, 1, 1, 0), // 1 - 1/(1 + sqrt2) = 0.5858
            v("c", true, 0, 1, 0), // 1 - sqrt2/2 = 0.2929
            v("d", true, 0, 0, 1), // same as c: tie, c first by id
            v("e", false, 1, 0, 0), // identical to a, but not listable
            v("f", true, 2, 0, 0)); // 1 - 1/3 = 0.6667
    NeighborSearch search = new NeighborSearch(catalog, false);
    assertEquals(5, search.size(), "indexed listable items");
    List<NeighborSearch.Neighbor> top = search.topM(a, 3);
    assertEquals("f,b,c", ids(top), "top 3 of a");
    assertEquals(2 / 3.0, top.get(0).similarity(), 1e-12, "a~f");
    assertEquals(1 - 1 / (1 + Math.sqrt(2)), top.get(1).similarity(), 1e-12, "a~b");
    assertEquals("f,b,c,d", ids(search.topM(a, 10)), "m above the candidate count");
    // An unlistable query still gets neighbours; e is never its own.
    assertEquals("a,f", ids(search.topM(catalog.get(4), 2)), "neighbours of the unlistable e");
  }

  @Test
  void cosineIgnoresLength() {
    ItemVector a = v("a", true, 1, 0);
    NeighborSearch search =
        new NeighborSearch(List.of(a, v("b", true, 5, 0), v("c", true, 1, 1)), true);
    List<NeighborSearch.Neighbor> top = search.topM(a, 2);
    assertEquals("b,c", ids(top), "cosine order");
    assertEquals(1.0, top.get(0).similarity(), 1e-12, "a~b cosine");
    assertEquals(Math.sqrt(0.5), top.get(1).similarity(), 1e-12, "a~c cosine");
  }
}
