package com.comborec.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The solver against exhaustive enumeration on 200 seeded random instances (3..9 items), for the
 * full model and for the knapsack preset: every rank's objective equals the brute-force k-th best
 * distinct item set, and every bundle passes an independent constraint check.
 */
class BundleSolverBruteForceTest {
  private static final int INSTANCES = 200;

  /** Rounding every coefficient to 1e-6 moves an objective of ~60 terms by well under this. */
  private static final double TOLERANCE = 1e-4;

  /** Generous: tiny models solve in milliseconds, and a hit limit would fail the OPTIMAL check. */
  private static final SolverLimits LIMITS = SolverLimits.of(10, 1);

  private static final List<Double> CALL_SECONDS = new ArrayList<>();

  @Test
  void fullModelMatchesBruteForce() {
    Random rnd = new Random(20240611L);
    int infeasible = 0;
    for (int k = 0; k < INSTANCES; k++) {
      BundleProblem problem = RandomInstances.problem(rnd, k);
      BundleRules rules = RandomInstances.fullRules(rnd);
      BundleOutcome outcome = solve(rules, problem);
      assertMatchesBruteForce("full instance " + k, problem, rules, outcome);
      infeasible += outcome.bundles().isEmpty() ? 1 : 0;
    }
    // The generator must exercise both branches, or this test proves less than it claims.
    assertTrue(
        infeasible >= 10 && infeasible <= INSTANCES - 100, "infeasible instances: " + infeasible);
  }

  @Test
  void knapsackPresetMatchesBruteForceAndTheBriefsFormulation() {
    Random rnd = new Random(99173L);
    BundleRules rules = BundleRules.knapsack(3);
    for (int k = 0; k < INSTANCES; k++) {
      BundleProblem problem = RandomInstances.problem(rnd, k);
      RandomInstances.fullRules(rnd); // keep the random stream shaped like the full test's
      BundleOutcome outcome = solve(rules, problem);
      assertMatchesBruteForce("knapsack instance " + k, problem, rules, outcome);
      double brief = BruteForce.knapsackOptimum(problem);
      if (outcome.bundles().isEmpty()) {
        assertEquals(
            Double.NEGATIVE_INFINITY, brief, "knapsack instance " + k + ": brief has a solution");
      } else {
        assertEquals(
            brief,
            outcome.bundles().get(0).objective(),
            TOLERANCE,
            "knapsack instance " + k + ": rank 1 vs max sum p_j x_j s.t. sum c_j x_j <= B");
      }
    }
  }

  @AfterAll
  static void printSolveTimes() {
    List<Double> sorted = new ArrayList<>(CALL_SECONDS);
    sorted.sort(null);
    int n = sorted.size();
    System.out.printf(
        Locale.ROOT,
        "bundle solver: %d CP-SAT calls, median %.4f s, p99 %.4f s, max %.4f s%n",
        n,
        sorted.get(n / 2),
        sorted.get(n * 99 / 100),
        sorted.get(n - 1));
  }

  private static BundleOutcome solve(BundleRules rules, BundleProblem problem) {
    BundleOutcome outcome = new BundleSolver(rules, LIMITS).solve(problem);
    double bundleSeconds = 0;
    for (BundleSolution b : outcome.bundles()) {
      CALL_SECONDS.add(b.solveSeconds());
      bundleSeconds += b.solveSeconds();
    }
    if (outcome.calls().infeasible() + outcome.calls().unknown() > 0) {
      CALL_SECONDS.add(outcome.solveSeconds() - bundleSeconds);
    }
    return outcome;
  }

  static void assertMatchesBruteForce(
      String label, BundleProblem p, BundleRules r, BundleOutcome out) {
    List<Double> expected = BruteForce.bestPerItemSet(p, r);
    int wanted = Math.min(r.bundles(), expected.size());
    assertEquals(wanted, out.bundles().size(), label + ": bundle count");
    assertEquals(wanted, out.calls().optimal(), label + ": OPTIMAL calls");
    assertEquals(
        expected.size() < r.bundles() ? 1 : 0,
        out.calls().infeasible(),
        label + ": INFEASIBLE calls");
    Set<Integer> seen = new HashSet<>();
    for (int k = 0; k < wanted; k++) {
      BundleSolution b = out.bundles().get(k);
      String where = label + " rank " + (k + 1);
      assertEquals(expected.get(k), b.objective(), TOLERANCE, where + ": objective vs brute force");
      assertEquals(SolveStatus.OPTIMAL, b.status(), where + ": status");
      assertTrue(
          seen.add(BruteForce.maskOf(p, b.itemIds())), where + ": repeats an earlier item set");
      assertSatisfiesModel(where, p, r, b);
    }
  }

  /** Independent check of one returned bundle: constraints and every reported figure. */
  static void assertSatisfiesModel(String where, BundleProblem p, BundleRules r, BundleSolution b) {
    int mask = BruteForce.maskOf(p, b.itemIds());
    assertEquals(
        b.itemIds().size(), Integer.bitCount(mask), where + ": unknown or repeated item ids");
    assertEquals(
        List.of(), BruteForce.violations(p, r, mask, b.discountRate()), where + ": violations");
    double list = 0;
    double cost = 0;
    for (BundleItem item : p.items()) {
      list += b.itemIds().contains(item.itemId()) ? item.price() : 0;
      cost += b.itemIds().contains(item.itemId()) ? item.cost() : 0;
    }
    assertEquals(list, b.listPrice(), 1e-9, where + ": list_price");
    assertEquals(list * (1 - b.discountRate()), b.bundlePrice(), 1e-9, where + ": bundle_price");
    assertEquals(b.bundlePrice() - cost, b.expectedMargin(), 1e-9, where + ": expected_margin");
    assertEquals(BruteForce.affinity(p, mask), b.affinity(), 1e-9, where + ": affinity");
    assertEquals(
        BruteForce.objective(p, r, mask, b.discountRate()),
        b.objective(),
        1e-9,
        where + ": objective vs its own items");
  }
}
