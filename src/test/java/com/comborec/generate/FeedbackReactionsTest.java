package com.comborec.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.contract.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feedback of day D reacts to the recommendations published for D-1: an impression per listed item,
 * dismisses only for items of a category the user dislikes, clicks for the ones they like.
 */
class FeedbackReactionsTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final LocalDate DAY = LocalDate.of(2026, 4, 10);

  @TempDir Path tmp;

  @Test
  void feedbackReactsToYesterdaysRecommendationsByPlantedTaste() throws IOException {
    GeneratorSpec spec =
        GeneratorSpec.defaults(tmp.resolve("in").toString(), DAY, DAY)
            .withSeed(3)
            .withUsers(300)
            .withItems(300)
            .withEvents(2_000)
            .withMalformedFraction(0.002)
            .withFeedbackRoot(tmp.resolve("out").toString());
    World world = new World(spec);
    Map<String, Set<String>> liked = new HashMap<>();
    Map<String, Set<String>> disliked = new HashMap<>();
    writeRecommendations(world, liked, disliked);

    Generator.run(SPARK, spec);

    List<List<String>> rows =
        Rfc4180.parse(GeneratedSet.text(tmp.resolve("in/feedback/dt=" + DAY + "/feedback.csv")));
    Set<String> impressions = new HashSet<>();
    int dismissLiked = 0;
    int dismissDisliked = 0;
    int clickLiked = 0;
    int clickDisliked = 0;
    for (List<String> r : rows.subList(1, rows.size())) {
      if (!ReferenceRules.feedback(r).isEmpty()) {
        continue;
      }
      String key = r.get(1) + "/" + r.get(3);
      boolean likes = liked.get(r.get(1)).contains(r.get(3));
      boolean dislikes = disliked.get(r.get(1)).contains(r.get(3));
      assertEquals("recommendations", r.get(2), "surface of " + r);
      switch (r.get(5)) {
        case "impression" -> impressions.add(key);
        case "dismiss" -> {
          dismissLiked += likes ? 1 : 0;
          dismissDisliked += dislikes ? 1 : 0;
        }
        case "click" -> {
          clickLiked += likes ? 1 : 0;
          clickDisliked += dislikes ? 1 : 0;
        }
        default -> {}
      }
    }
    // 300 users x 4 listed items: every one has an impression.
    assertEquals(1_200, impressions.size(), "distinct (user, item) impressions");
    assertEquals(0, dismissLiked, "dismisses of liked items");
    assertEquals(0, clickDisliked, "clicks on disliked items");
    // 600 disliked listings dismissed half the time; 600 liked ones clicked at 0.02 + 0.6 * 0.5 =
    // 32%.
    assertTrue(
        dismissDisliked > 220 && dismissDisliked < 380,
        "dismisses of disliked items: " + dismissDisliked);
    assertTrue(clickLiked > 120, "clicks on liked items: " + clickLiked);

    // Same spec elsewhere: the reacting feedback is byte-identical too.
    Generator.run(
        SPARK,
        new GeneratorSpec(
            tmp.resolve("again").toString(),
            spec.from(),
            spec.to(),
            spec.seed(),
            spec.users(),
            spec.items(),
            spec.events(),
            spec.gzip(),
            spec.malformedFraction(),
            spec.feedbackRoot(),
            spec.eventsPerFile(),
            3,
            spec.marketHistoryDays(),
            spec.usersEveryDays(),
            false));
    String file = "feedback/dt=" + DAY + "/feedback.csv";
    assertEquals(
        GeneratedSet.hashes(tmp.resolve("in")).get(file),
        GeneratedSet.hashes(tmp.resolve("again")).get(file),
        "bytes of " + file + " in two runs");
  }

  /**
   * Each user gets 2 items of their top liked leaf and 2 of a disliked top category, ranks
   * shuffled.
   */
  private void writeRecommendations(
      World w, Map<String, Set<String>> liked, Map<String, Set<String>> disliked)
      throws IOException {
    List<Row> rows = new ArrayList<>();
    Rng rng = Rng.of(99);
    for (int u = 0; u < w.people.count; u++) {
      People.Taste t = w.people.taste(u, w.catalog.categories);
      String user = w.people.id(u);
      List<String> good = itemsWhere(w, i -> w.catalog.leaf[i] == t.likedLeaves()[0], 2, rng);
      List<String> bad = itemsWhere(w, i -> t.dislikes(w.catalog.top(i)), 2, rng);
      liked.put(user, new HashSet<>(good));
      disliked.put(user, new HashSet<>(bad));
      List<Row> items = new ArrayList<>();
      List<String> all = List.of(bad.get(0), good.get(0), bad.get(1), good.get(1));
      for (int k = 0; k < all.size(); k++) {
        items.add(RowFactory.create(k + 1, all.get(k), 1.0 - k * 0.1, "personal", null));
      }
      rows.add(RowFactory.create(user, 0, "als", items, "m1"));
    }
    Path dir = tmp.resolve("out/recommendations/dt=" + DAY.minusDays(1));
    SPARK
        .createDataFrame(rows, Schemas.RECOMMENDATIONS)
        .repartition(3)
        .write()
        .parquet(dir.toString());
    assertTrue(Files.exists(dir.resolve("_SUCCESS")), "Spark wrote _SUCCESS");
  }

  private static List<String> itemsWhere(
      World w, java.util.function.IntPredicate p, int n, Rng rng) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      int i = rng.nextInt(w.catalog.size);
      if (p.test(i) && !out.contains(w.catalog.ids[i])) {
        out.add(w.catalog.ids[i]);
      }
    }
    return out;
  }
}
