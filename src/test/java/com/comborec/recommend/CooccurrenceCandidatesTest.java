package com.comborec.recommend;

import static com.comborec.recommend.Fixtures.frame;
import static com.comborec.recommend.Fixtures.lines;
import static com.comborec.recommend.Fixtures.row;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.contract.Reason;
import com.comborec.store.WorkSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Co-occurrence candidates by the per-user fold: hand-computed cases, and equality with the
 * relational formulation it replaced (links joined, aggregated by user and item, filtered, then the
 * best n per user) on a random fixture.
 */
class CooccurrenceCandidatesTest {

  /**
   * u1 interacted with A (bought) and B (only viewed); u2 bought C and D; u3 viewed B. Neighbours:
   * A->X 0.5, B->X 0.9, A->Y 0.2, B->Z 0.3, C->W 0.4, D->W 0.4.
   */
  private static Dataset<Row> interactions() {
    return frame(
        WorkSchemas.INTERACTIONS,
        row("u1", "A", 5.0),
        row("u1", "B", 1.0),
        row("u2", "D", 5.0),
        row("u2", "C", 5.0),
        row("u3", "B", 1.0));
  }

  private static Dataset<Row> purchases() {
    return frame(Fixtures.PAIRS, row("u1", "A"), row("u2", "C"), row("u2", "D"));
  }

  private static Dataset<Row> neighbours() {
    return frame(
        WorkSchemas.COOC,
        row("A", "X", 0.5),
        row("B", "X", 0.9),
        row("A", "Y", 0.2),
        row("B", "Z", 0.3),
        row("C", "W", 0.4),
        row("D", "W", 0.4));
  }

  /**
   * u1: X = 0.5 + 0.9 = 1.4, bought with A (B links more strongly but was not bought); Y = 0.2
   * bought with A; Z = 0.3, similar to B (no bought item links to Z). u2: C and D both link to W
   * with 0.4, the tie goes to the lower id, C; W = 0.8. u3: X 0.9 and Z 0.3, similar to B.
   */
  @Test
  void namesTheBoughtItemThatLinksMost() {
    Dataset<Row> everything = frame(Fixtures.ITEMS, row("W"), row("X"), row("Y"), row("Z"));
    assertEquals(
        List.of(
            "u1|X|1.4|bought_with|A",
            "u1|Y|0.2|bought_with|A",
            "u1|Z|0.3|similar_to|B",
            "u2|W|0.8|bought_with|C",
            "u3|X|0.9|similar_to|B",
            "u3|Z|0.3|similar_to|B"),
        readable(
            CooccurrenceCandidates.top(
                interactions(), purchases(), frame(Fixtures.PAIRS), everything, neighbours(), 10)),
        "cooccurrence candidates");
  }

  /**
   * Only A, X and Z available (so not W or Y), and Z dismissed by u1 (excluded for u1 only; A is
   * excluded too, bought). With n = 1: u1 keeps X (1.4); u2 has nothing left; u3 gets X (0.9),
   * cutting Z (0.3). With n = 2 also u3's Z, which u1 dismissed but u3 did not. Sources need not be
   * available: B is not, and still links.
   */
  @Test
  void keepsTheBestNThatAreAvailableAndNotExcluded() {
    Dataset<Row> excluded = frame(Fixtures.PAIRS, row("u1", "A"), row("u1", "Z"));
    Dataset<Row> available = frame(Fixtures.ITEMS, row("A"), row("X"), row("Z"));
    assertEquals(
        List.of("u1|X|1.4|bought_with|A", "u3|X|0.9|similar_to|B"),
        readable(
            CooccurrenceCandidates.top(
                interactions(), purchases(), excluded, available, neighbours(), 1)),
        "n = 1");
    assertEquals(
        List.of("u1|X|1.4|bought_with|A", "u3|X|0.9|similar_to|B", "u3|Z|0.3|similar_to|B"),
        readable(
            CooccurrenceCandidates.top(
                interactions(), purchases(), excluded, available, neighbours(), 2)),
        "n = 2");
  }

  /**
   * 60 users, 40 items, 5 neighbours per item, random purchases, dismissals and availability: the
   * fold's lists equal the relational formulation's, row for row (scores to 1e-9).
   */
  @Test
  void equalsTheJoinAndAggregateItReplaced() {
    Random random = new Random(16);
    List<Object[]> interactions = new ArrayList<>();
    List<Object[]> purchases = new ArrayList<>();
    List<Object[]> excluded = new ArrayList<>();
    for (int u = 0; u < 60; u++) {
      for (int i = 0; i < 40; i++) {
        if (random.nextDouble() < 0.15) {
          interactions.add(row("u" + u, "i" + i, 1.0));
          if (random.nextBoolean()) {
            purchases.add(row("u" + u, "i" + i));
            excluded.add(row("u" + u, "i" + i));
          }
        } else if (random.nextDouble() < 0.05) {
          excluded.add(row("u" + u, "i" + i));
        }
      }
    }
    List<Object[]> cooc = new ArrayList<>();
    List<Object[]> available = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      for (int k = 1; k <= 5; k++) {
        // Sixteenths: sums are exact in any order, and equal sums (ties) occur, so the id order
        // must decide them as the window did.
        cooc.add(row("i" + i, "i" + (i + 7 * k) % 40, (1 + random.nextInt(10)) / 16.0));
      }
      if (random.nextDouble() < 0.8) {
        available.add(row("i" + i));
      }
    }
    Dataset<Row> in = frame(WorkSchemas.INTERACTIONS, interactions.toArray(Object[][]::new));
    Dataset<Row> bought = frame(Fixtures.PAIRS, purchases.toArray(Object[][]::new));
    Dataset<Row> dropped = frame(Fixtures.PAIRS, excluded.toArray(Object[][]::new));
    Dataset<Row> links = frame(WorkSchemas.COOC, cooc.toArray(Object[][]::new));
    Dataset<Row> sellable = frame(Fixtures.ITEMS, available.toArray(Object[][]::new));
    int n = 4;
    List<String> expected =
        readable(
            PersonalCandidates.topPerUser(
                Exclusions.drop(joinAndAggregate(in, bought, links), dropped, sellable), n));
    assertEquals(
        expected,
        readable(CooccurrenceCandidates.top(in, bought, dropped, sellable, links, n)),
        "fold against join and aggregate");
    assertEquals(true, expected.size() > 100, "the fixture lists something: " + expected.size());
  }

  /**
   * The formulation the fold replaced (PersonalCandidates.cooccurrence until issue 16): every link
   * row (user, source, item) joined and aggregated by (user, item).
   */
  static Dataset<Row> joinAndAggregate(
      Dataset<Row> interactions, Dataset<Row> purchases, Dataset<Row> cooc) {
    Dataset<Row> bought =
        purchases.select(col("user_id"), col("item_id").as("source"), lit(true).as("bought"));
    Dataset<Row> links =
        interactions
            .select(col("user_id"), col("item_id").as("source"))
            .join(
                cooc.select(
                    col("item_id").as("source"),
                    col("other_item_id").as("item_id"),
                    col("score").as("link")),
                "source")
            .join(bought, new String[] {"user_id", "source"}, "left");
    return links
        .groupBy("user_id", "item_id")
        .agg(
            sum("link").as("score"),
            expr("min_by(source, CASE WHEN bought THEN struct(-link, source) END)")
                .as("because_bought"),
            expr("min_by(source, struct(-link, source))").as("because_any"))
        .select(
            col("user_id"),
            col("item_id"),
            col("score"),
            when(col("because_bought").isNotNull(), lit(Reason.BOUGHT_WITH.code()))
                .otherwise(lit(Reason.SIMILAR_TO.code()))
                .as("reason"),
            when(col("because_bought").isNotNull(), col("because_bought"))
                .otherwise(col("because_any"))
                .as("because_item_id"));
  }

  private static List<String> readable(Dataset<Row> candidates) {
    return lines(
        candidates.selectExpr(
            "user_id", "item_id", "round(score, 9) as score", "reason", "because_item_id"),
        "user_id",
        "item_id",
        "score",
        "reason",
        "because_item_id");
  }
}
