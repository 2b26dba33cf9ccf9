package com.comborec.responsible;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The re-ranker on hand-made candidate lists: cap, MMR extremes, a hand-computed MMR, debias. */
class DiversifyTest {

  /** Candidates a > b > c > d by score, with the similarities of the hand example. */
  static final List<Candidate> FOUR =
      List.of(
          new Candidate("d", 0.0, "toys", "personal", null),
          new Candidate("b", 0.9, "kitchen", "bought_with", "x1"),
          new Candidate("a", 1.0, "kitchen", "personal", null),
          new Candidate("c", 0.5, "garden", "similar_to", "x2"));

  static final SimilarityPairs SIMS =
      new SimilarityPairs(
          Map.of(
              "a", Map.of("b", 0.9, "c", 0.1, "d", 0.0),
              "b", Map.of("c", 0.2, "d", 0.1),
              "c", Map.of("d", 0.3)));

  @Test
  void allOffIsTopNByScoreWithRanksAndReasonsKept() {
    List<RankedItem> out = Diversify.off().rerank(FOUR, 3);
    assertEquals(
        List.of(
            new RankedItem(1, "a", 1.0, "personal", null),
            new RankedItem(2, "b", 0.9, "bought_with", "x1"),
            new RankedItem(3, "c", 0.5, "similar_to", "x2")),
        out,
        "top 3 by score");
    assertEquals(4, Diversify.off().rerank(FOUR, 10).size(), "N above the candidates: all of them");
    assertEquals(List.of(), Diversify.off().rerank(List.of(), 5), "no candidates");
  }

  /** Cap 2: k1, k2 (kitchen full), k3 skipped, g1, t1 -> ranks 1..4 without a gap. */
  @Test
  void categoryCapIsHonoured() {
    List<Candidate> in =
        List.of(
            cand("k1", 0.9, "kitchen"),
            cand("k2", 0.8, "kitchen"),
            cand("k3", 0.7, "kitchen"),
            cand("g1", 0.6, "garden"),
            cand("t1", 0.5, "toys"));
    List<RankedItem> out = diversify(new ResponsibleSettings(2, 1.0, 0.0), SIMS).rerank(in, 4);
    assertEquals(List.of("k1", "k2", "g1", "t1"), ids(out), "cap 2 per category");
    assertEquals(
        List.of(1, 2, 3, 4), out.stream().map(RankedItem::rank).toList(), "ranks without gaps");
    List<RankedItem> short_ =
        diversify(new ResponsibleSettings(2, 1.0, 0.0), SIMS)
            .rerank(
                List.of(
                    cand("k1", 0.9, "kitchen"),
                    cand("k2", 0.8, "kitchen"),
                    cand("k3", 0.7, "kitchen")),
                3);
    assertEquals(List.of("k1", "k2"), ids(short_), "one category, cap 2: the list stays short");
    List<RankedItem> mmrCap = diversify(new ResponsibleSettings(1, 0.5, 0.0), SIMS).rerank(FOUR, 4);
    assertEquals(
        List.of("a", "c", "d"), ids(mmrCap), "MMR with cap 1: b (kitchen, like a) is never listed");
  }

  /** lambda = 1 ignores similarity entirely: the relevance order a, b, c, d. */
  @Test
  void mmrWithLambdaOneIsRelevanceOrder() {
    assertEquals(
        List.of("a", "b", "c", "d"),
        ids(diversify(new ResponsibleSettings(0, 1.0, 0.0), SIMS).rerank(FOUR, 4)),
        "lambda 1");
  }

  /**
   * lambda = 0 maximises -maxSim only. Step 1: all 0, the most relevant wins: a. Step 2: -s(x,a): b
   * -0.9, c -0.1, d 0 -> d. Step 3: max sim to {a,d}: b 0.9, c max(0.1, 0.3) = 0.3 -> c. Then b.
   */
  @Test
  void mmrWithLambdaZeroPicksTheMostDiverse() {
    assertEquals(
        List.of("a", "d", "c", "b"),
        ids(diversify(new ResponsibleSettings(0, 0.0, 0.0), SIMS).rerank(FOUR, 4)),
        "lambda 0");
  }

  /**
   * lambda = 0.5; relevance = scores already in [0, 1] (min 0, max 1): a 1, b 0.9, c 0.5, d 0. Step
   * 1: 0.5 * rel: a 0.5, b 0.45, c 0.25, d 0 -> a. Step 2: 0.5 rel - 0.5 s(x,a): b 0.45 - 0.45 = 0,
   * c 0.25 - 0.05 = 0.2, d 0 - 0 = 0 -> c. Step 3: max sim to {a,c}: b 0.9 -> 0; d 0.3 -> 0 - 0.15
   * = -0.15 -> b. Then d. Relevance alone would list a, b, c, d.
   */
  @Test
  void mmrHandComputedFourItems() {
    Diversify d = diversify(new ResponsibleSettings(0, 0.5, 0.0), SIMS);
    assertEquals(List.of("a", "c", "b", "d"), ids(d.rerank(FOUR, 4)), "lambda 0.5");
    assertEquals(List.of("a", "c", "b"), ids(d.rerank(FOUR, 3)), "lambda 0.5, N = 3");
    RankedItem second = d.rerank(FOUR, 2).get(1);
    assertEquals(
        new RankedItem(2, "c", 0.5, "similar_to", "x2"),
        second,
        "c keeps its score and reason at rank 2");
  }

  @Test
  void debiasWithPowerZeroIsIdentity() {
    Map<String, Double> pop = Map.of("a", 100.0, "b", 1.0, "c", 7.0);
    List<RankedItem> plain = Diversify.off().rerank(FOUR, 4);
    assertEquals(
        plain,
        new Diversify(new ResponsibleSettings(0, 1.0, 0.0), SIMS, pop).rerank(FOUR, 4),
        "power 0");
    assertEquals(0.37, Diversify.debiased(0.37, 50, 0.0), 0.0, "debiased(score, pop, 0) = score");
  }

  /**
   * Power 1: a 0.9 / 9 = 0.1, b 0.5 / 1 = 0.5, c 0.3 / 1 (never bought: counts 1) = 0.3 -> b, c, a.
   * A negative score is multiplied instead: -0.2 * 4 = -0.8, so popularity still pushes it down.
   */
  @Test
  void debiasDividesByPopularityToThePower() {
    List<Candidate> in = List.of(cand("a", 0.9, "k"), cand("b", 0.5, "k"), cand("c", 0.3, "k"));
    Diversify d =
        new Diversify(new ResponsibleSettings(0, 1.0, 1.0), SIMS, Map.of("a", 9.0, "b", 1.0));
    List<RankedItem> out = d.rerank(in, 3);
    assertEquals(List.of("b", "c", "a"), ids(out), "power 1");
    assertEquals(0.9, out.get(2).score(), 0.0, "a keeps the model's score");
    assertEquals(0.3, Diversify.debiased(0.9, 9, 0.5), 1e-12, "0.9 / sqrt(9)");
    assertEquals(-0.8, Diversify.debiased(-0.2, 4, 1.0), 1e-12, "negative score");
  }

  @Test
  void duplicateCandidatesAppearOnceWithTheirBestScore() {
    List<Candidate> in = List.of(cand("a", 0.2, "k"), cand("b", 0.5, "k"), cand("a", 0.9, "k"));
    List<RankedItem> out = Diversify.off().rerank(in, 5);
    assertEquals(List.of("a", "b"), ids(out), "a once");
    assertEquals(0.9, out.get(0).score(), 0.0, "a's best score");
  }

  @Test
  void similarityPairsAreSymmetricAndMissingPairsCountZero() {
    assertEquals(0.9, SIMS.of("b", "a"), 0.0, "b,a listed as a,b");
    assertEquals(0.0, SIMS.of("a", "zz"), 0.0, "unknown pair");
    assertEquals(1.0, SIMS.of("c", "c"), 0.0, "an item with itself");
  }

  static Candidate cand(String id, double score, String category) {
    return new Candidate(id, score, category, "personal", null);
  }

  static Diversify diversify(ResponsibleSettings s, ItemSimilarity sims) {
    return new Diversify(s, sims, Map.of());
  }

  static List<String> ids(List<RankedItem> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.itemId()));
    return out;
  }
}
