package com.comborec.combos;

import static com.comborec.combos.Fixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.contract.Schemas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Spark search against a brute-force pairwise computation in plain Java, on 20 items. */
class SimilarItemsTest {
  static final SimilarSettings.Weights WEIGHTS = new SimilarSettings.Weights(1.0, 0.5, 1.0, 0.5);
  static Dataset<Row> vectors;

  static SimilarSettings settings(String measure, int topM, int exactMax) {
    return new SimilarSettings(topM, measure, exactMax, 1000, WEIGHTS, 64);
  }

  @BeforeAll
  static void catalog() {
    List<Row> rows =
        List.of(
            product("k1", "Chef knife 20 cm", "Home > Kitchen > Knives", "Blade", 49.0, 5, true),
            product(
                "k2", "Paring knife 9 cm", "Home > Kitchen > Knives", "Blade", 19.0, null, null),
            product("k3", "Bread knife", "Home > Kitchen > Knives", "Edge", 29.0, null, true),
            product(
                "k4",
                "Chef knife 16 cm",
                "Home > Kitchen > Knives",
                "Edge",
                39.0,
                0,
                true), // out of stock
            product("p1", "Frying pan 28 cm", "Home > Kitchen > Pans", "Pyro", 59.0, null, null),
            product("p2", "Frying pan 24 cm", "Home > Kitchen > Pans", "Pyro", 45.0, null, null),
            product(
                "p3", "Sauce pan", "Home > Kitchen > Pans", "Blade", 35.0, null, false), // inactive
            product("g1", "Garden hose 20 m", "Home > Garden", "Greeny", 25.0, null, null),
            product("g2", "Garden shears", "Home > Garden", "Greeny", 22.0, null, null),
            product("g3", "Garden knife", "Home > Garden", "Blade", 15.0, null, null),
            product("s1", "Running shoes", "Sports > Running > Shoes", "Fleet", 120.0, null, null),
            product(
                "s2",
                "Trail running shoes",
                "Sports > Running > Shoes",
                "Fleet",
                140.0,
                null,
                null),
            product("s3", "Running socks", "Sports > Running > Apparel", "Fleet", 12.0, null, null),
            product(
                "s4", "Running shirt", "Sports > Running > Apparel", "Stride", 35.0, null, null),
            product("c1", "Bike helmet", "Sports > Cycling", "Spoke", 80.0, null, null),
            product("c2", "Bike lights", "Sports > Cycling", "Spoke", 30.0, null, null),
            product("c3", "Cycling shoes", "Sports > Cycling", "Fleet", 110.0, null, null),
            product("u1", "Gift card", "uncategorized", null, 50.0, null, null),
            product("u2", null, "uncategorized", null, 20.0, null, null),
            product("u3", "Gift wrap", "uncategorized", "Wrap", 3.0, null, null));
    vectors = ItemFeatures.vectors(Fixtures.products(rows), settings("distance", 3, 100)).cache();
  }

  @AfterAll
  static void release() {
    vectors.unpersist();
  }

  /** Brute force: every item against every listable other item, dense vectors, plain Java. */
  static Map<String, List<NeighborSearch.Neighbor>> bruteForce(
      int m, boolean cosine, boolean sameBlock) {
    List<Row> all = vectors.collectAsList();
    Map<String, List<NeighborSearch.Neighbor>> out = new HashMap<>();
    for (Row q : all) {
      List<NeighborSearch.Neighbor> found = new ArrayList<>();
      for (Row c : all) {
        boolean blockOk = !sameBlock || q.getAs("block").equals(c.getAs("block"));
        if (!q.getAs("item_id").equals(c.getAs("item_id"))
            && c.<Boolean>getAs("listable")
            && blockOk) {
          double s =
              Similarity.of(
                  q.<Vector>getAs("features").toArray(),
                  c.<Vector>getAs("features").toArray(),
                  cosine);
          found.add(new NeighborSearch.Neighbor(c.getAs("item_id"), s));
        }
      }
      found.sort(
          Comparator.comparingDouble(NeighborSearch.Neighbor::similarity)
              .reversed()
              .thenComparing(NeighborSearch.Neighbor::id));
      out.put(q.getAs("item_id"), found.subList(0, Math.min(m, found.size())));
    }
    return out;
  }

  static void assertSameAsBruteForce(
      Dataset<Row> table, Map<String, List<NeighborSearch.Neighbor>> expected) {
    List<Row> rows = table.collectAsList();
    assertEquals(expected.size(), rows.size(), "one row per catalog item");
    for (Row r : rows) {
      String item = r.getString(0);
      List<Row> got = r.getList(1);
      List<NeighborSearch.Neighbor> want = expected.get(item);
      assertEquals(want.size(), got.size(), item + ": neighbour count");
      for (int i = 0; i < want.size(); i++) {
        assertEquals(i + 1, got.get(i).getInt(0), item + " neighbour " + i + ": rank");
        assertEquals(
            want.get(i).id(), got.get(i).getString(1), item + " rank " + (i + 1) + ": item_id");
        assertEquals(
            want.get(i).similarity(),
            got.get(i).getDouble(2),
            1e-9,
            item + " rank " + (i + 1) + ": similarity");
      }
    }
  }

  @Test
  void exactEqualsBruteForceForBothMeasures() {
    Dataset<Row> table = SimilarItems.exact(vectors, settings("distance", 3, 100));
    assertEquals(Schemas.SIMILAR_ITEMS, table.schema(), "contract schema");
    assertSameAsBruteForce(table, bruteForce(3, false, false));
    assertSameAsBruteForce(
        SimilarItems.exact(vectors, settings("cosine", 4, 100)), bruteForce(4, true, false));
  }

  @Test
  void exactNeighboursAreSensibleAndSellable() {
    SimilarItems.Result result = SimilarItems.similarItems(vectors, settings("distance", 3, 100));
    assertEquals(SimilarItems.EXACT, result.method(), "20 items <= 100: exact");
    List<Row> pairs = SimilarItems.pairs(result.table()).collectAsList();
    for (Row p : pairs) {
      String other = p.getAs("other_item_id");
      assertTrue(
          !other.equals("k4") && !other.equals("p3"),
          "unsellable neighbour " + other + " of " + p.getAs("item_id"));
      double s = p.getAs("similarity");
      assertTrue(s >= 0 && s <= 1, "similarity in [0,1] for " + p);
    }
    // The two frying pans share category, brand and most title words: each is the other's first.
    Map<String, String> first = new HashMap<>();
    pairs.stream()
        .filter(p -> p.<Integer>getAs("rank") == 1)
        .forEach(p -> first.put(p.getAs("item_id"), p.getAs("other_item_id")));
    assertEquals("p2", first.get("p1"), "first neighbour of p1");
    assertEquals("p1", first.get("p2"), "first neighbour of p2");
  }

  @Test
  void blockedSearchStaysInTheTopCategoryAndReportsItsRecall() {
    SimilarItems.Result result = SimilarItems.similarItems(vectors, settings("distance", 3, 5));
    assertEquals(SimilarItems.BLOCKED, result.method(), "20 items > 5: blocked");
    Map<String, List<NeighborSearch.Neighbor>> withinBlock = bruteForce(3, false, true);
    assertSameAsBruteForce(result.table(), withinBlock);
    // Recall over all 20 items (sample 1000 >= 20): brute-force exact top 3 found within blocks.
    Map<String, List<NeighborSearch.Neighbor>> exact = bruteForce(3, false, false);
    long wanted = 0;
    long found = 0;
    for (var e : exact.entrySet()) {
      List<String> blockedIds =
          withinBlock.get(e.getKey()).stream().map(NeighborSearch.Neighbor::id).toList();
      wanted += e.getValue().size();
      found += e.getValue().stream().filter(n -> blockedIds.contains(n.id())).count();
    }
    assertEquals(
        (double) found / wanted, result.recallAtM(), 1e-12, "recall@3 against brute force");
  }

  @Test
  void categoryPrefixesAreSharedBySiblings() {
    Map<String, List<String>> tokens = new HashMap<>();
    ItemFeatures.tokens(
            Fixtures.products(
                List.of(
                    product("a", "x", "Home > Kitchen > Knives", null, 1.0, null, null),
                    product("b", "x", "home>kitchen > Pans", null, 1.0, null, null))))
        .collectAsList()
        .forEach(r -> tokens.put(r.getAs("item_id"), r.getList(r.fieldIndex("category_tokens"))));
    assertEquals(
        List.of("home", "home>kitchen", "home>kitchen>knives"), tokens.get("a"), "tokens of a");
    assertEquals(
        List.of("home", "home>kitchen", "home>kitchen>pans"), tokens.get("b"), "tokens of b");
  }
}
