package com.comborec.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The solver on a four-item instance whose bundles are computed by hand below. */
class BundleSolverHandTest {
  private static final SolverLimits LIMITS = SolverLimits.of(5, 1);

  /*
   * A: price 10, cost 6,  kitchen, propensity 0.5
   * B: price 20, cost 10, kitchen, propensity 0.4
   * C: price 15, cost 5,  garden,  propensity 0.3
   * D: price 30, cost 12, garden,  propensity 0.6, stock 0 (below min stock 1: never chosen)
   * affinity: A-C 2.0 one way only, so the pair counts (2.0 + 0) / 2 = 1.0; every other pair 0.
   * budget 40, size 2..3, at most 1 per category, margin >= 20% of bundle price,
   * discounts {0, 10%}, weights propensity 1, affinity 0.5, margin 0.01.
   *
   * Feasible sets: A and B share kitchen, D is out, so only {A,C} and {B,C}.
   * {A,C} at 0%:  list 25, margin 25-11 = 14 >= 5;   objective 0.8 + 0.5*1.0 + 0.01*14   = 1.44
   * {A,C} at 10%: price 22.5, margin 11.5;            objective 0.8 + 0.5     + 0.115     = 1.415
   * {B,C} at 0%:  list 35, margin 35-15 = 20 >= 7;   objective 0.7 + 0       + 0.20      = 0.90
   * => rank 1 {A,C} at 0% (1.44), rank 2 {B,C} at 0% (0.90), a third call is INFEASIBLE.
   */
  private static BundleProblem problem(double budget) {
    List<BundleItem> items =
        List.of(
            BundleItem.of("A", "Apron", "kitchen", 10, 6, null, 0.5),
            BundleItem.of("B", "Bowl", "kitchen", 20, 10, 5, 0.4),
            BundleItem.of("C", "Clippers", "garden", 15, 5, 3, 0.3),
            BundleItem.of("D", "Drill", "garden", 30, 12, 0, 0.6));
    double[][] affinity = new double[4][4];
    affinity[0][2] = 2.0;
    return new BundleProblem(7, items, affinity, budget);
  }

  private static BundleRules rules(double marginFloor, double uplift) {
    return new BundleRules(2, 3, 1, marginFloor, 1, List.of(0.0, 0.10), 1.0, 0.5, 0.01, uplift, 3);
  }

  @Test
  void ranksTheTwoFeasibleSetsAndStops() {
    BundleOutcome out = new BundleSolver(rules(0.20, 0), LIMITS).solve(problem(40));
    assertEquals(2, out.bundles().size(), "bundles");
    assertBundle(out.bundles().get(0), List.of("A", "C"), 0.0, 1.44, "rank 1");
    assertEquals(25.0, out.bundles().get(0).bundlePrice(), 1e-9, "rank 1 bundle_price");
    assertEquals(14.0, out.bundles().get(0).expectedMargin(), 1e-9, "rank 1 expected_margin");
    assertEquals(1.0, out.bundles().get(0).affinity(), 1e-9, "rank 1 affinity");
    assertBundle(out.bundles().get(1), List.of("B", "C"), 0.0, 0.90, "rank 2");
    assertEquals(
        List.of(2, 0, 1, 0),
        List.of(
            out.calls().optimal(),
            out.calls().feasible(),
            out.calls().infeasible(),
            out.calls().unknown()),
        "optimal, feasible, infeasible, unknown calls");
  }

  /*
   * Uplift 3: {A,C} at 10% has take-up 0.8 * 1.3 = 1.04, objective 1.04 + 0.5 + 0.115 = 1.655 > 1.44.
   * With a 52% margin floor, 10% needs 0.48 * 22.5 = 10.8 >= cost 11: false, so back to 0% (1.44;
   * at 0%: 0.48 * 25 = 12 >= 11 holds).
   */
  @Test
  void discountIsChosenWhenUpliftPaysAndTheMarginFloorAllows() {
    BundleSolution discounted =
        new BundleSolver(rules(0.20, 3), LIMITS).solve(problem(40)).bundles().get(0);
    assertBundle(discounted, List.of("A", "C"), 0.10, 1.655, "uplift 3, floor 20%");
    assertEquals(22.5, discounted.bundlePrice(), 1e-9, "discounted bundle_price");
    BundleSolution floored =
        new BundleSolver(rules(0.52, 3), LIMITS).solve(problem(40)).bundles().get(0);
    assertBundle(floored, List.of("A", "C"), 0.0, 1.44, "uplift 3, floor 52%");
  }

  /* Budget 20: {A,C} costs 25 and {B,C} 35, so nothing fits: no bundle, one INFEASIBLE call. */
  @Test
  void infeasibleProblemGivesNoBundle() {
    BundleOutcome out = new BundleSolver(rules(0.20, 0), LIMITS).solve(problem(20));
    assertEquals(List.of(), out.bundles(), "bundles");
    assertEquals(1, out.calls().infeasible(), "infeasible calls");
  }

  /*
   * The brief's knapsack (stock, categories, margin ignored), budget 40, value = propensity:
   * {A,D} 40 -> 1.1; {A,B} 30 -> 0.9; {A,C} 25 -> 0.8 ({A,B,C} 45 and {C,D} 45 do not fit).
   */
  @Test
  void knapsackPresetOnTheSameItems() {
    BundleOutcome out = new BundleSolver(BundleRules.knapsack(3), LIMITS).solve(problem(40));
    assertBundle(out.bundles().get(0), List.of("A", "D"), 0.0, 1.1, "knapsack rank 1");
    assertBundle(out.bundles().get(1), List.of("A", "B"), 0.0, 0.9, "knapsack rank 2");
    assertBundle(out.bundles().get(2), List.of("A", "C"), 0.0, 0.8, "knapsack rank 3");
  }

  @Test
  void noCandidatesGivesNoBundle() {
    BundleOutcome out =
        new BundleSolver(rules(0.20, 0), LIMITS)
            .solve(BundleProblem.withoutAffinity(3, List.of(), 100));
    assertEquals(List.of(), out.bundles(), "bundles of an empty problem");
  }

  @Test
  void solvingTwiceGivesTheSameBundles() {
    BundleSolver solver = new BundleSolver(BundleRules.knapsack(3), LIMITS);
    assertEquals(
        solver.solve(problem(40)).bundles().stream().map(BundleSolution::itemIds).toList(),
        solver.solve(problem(40)).bundles().stream().map(BundleSolution::itemIds).toList(),
        "item sets");
  }

  /* sha256("a|b|c") starts a52dd81bfd5e4e66 (python3 hashlib); order of the input does not matter. */
  @Test
  void bundleIdIsStableAndOrderFree() {
    assertEquals("b_a52dd81bfd5e4e66", BundleIds.of(List.of("c", "a", "b")), "id of {a,b,c}");
    assertEquals(
        BundleIds.of(List.of("a", "b", "c")), BundleIds.of(List.of("b", "c", "a")), "order");
  }

  @Test
  void rulesRejectAnEmptyBundleSize() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new BundleRules(0, 3, 1, null, 0, List.of(0.0), 1, 0, 0, 0, 1),
        "minSize 0");
  }

  private static void assertBundle(
      BundleSolution b, List<String> items, double rate, double objective, String label) {
    assertEquals(items, b.itemIds(), label + " items");
    assertEquals(rate, b.discountRate(), 1e-12, label + " discount_rate");
    assertEquals(objective, b.objective(), 1e-9, label + " objective");
    assertEquals(SolveStatus.OPTIMAL, b.status(), label + " status");
    assertEquals(BundleIds.of(items), b.bundleId(), label + " bundle_id");
  }
}
