package com.comborec.bundle;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The CP-SAT model of one bundle problem (docs/bundles.md). CP-SAT takes integer coefficients only,
 * so every money amount, propensity and affinity is multiplied by {@link #SCALE} and rounded: money
 * is compared in millionths of a currency unit, and the objective is optimised to 1e-6 of its own
 * units. Products x_j * d_l become booleans y_jl, and x_i * x_j becomes z_ij.
 */
final class BundleModel {
  /** Fixed integer scale of every double coefficient. */
  static final double SCALE = 1e6;

  /** Far below 2^63 even summed over hundreds of terms; beyond it rounding would silently break. */
  private static final double MAX_SCALED = 1e15;

  private final BundleProblem problem;
  private final BundleRules rules;
  private final CpModel model = new CpModel();
  private final BoolVar[] x;
  private final BoolVar[] d;
  private final BoolVar[][] y;

  private BundleModel(BundleProblem problem, BundleRules rules) {
    this.problem = problem;
    this.rules = rules;
    int n = problem.size();
    int levels = rules.discountLevels().size();
    this.x = new BoolVar[n];
    this.d = new BoolVar[levels];
    this.y = new BoolVar[n][levels];
  }

  /** Variables, constraints and objective, in the order of the OR-Tools samples. */
  static BundleModel build(BundleProblem problem, BundleRules rules) {
    BundleModel m = new BundleModel(problem, rules);
    m.addVariables();
    m.addConstraints();
    m.addObjective();
    return m;
  }

  CpModel model() {
    return model;
  }

  /** Which items the solver's current solution holds, indexed like the problem's items. */
  boolean[] chosenItems(CpSolver solver) {
    boolean[] chosen = new boolean[x.length];
    for (int j = 0; j < x.length; j++) {
      chosen[j] = solver.booleanValue(x[j]);
    }
    return chosen;
  }

  /** The index of the discount level of the solver's current solution. */
  int chosenLevel(CpSolver solver) {
    for (int l = 0; l < d.length; l++) {
      if (solver.booleanValue(d[l])) {
        return l;
      }
    }
    throw new IllegalStateException("no discount level chosen");
  }

  /** No-good cut: the next bundle must differ from {@code chosen} as an item set. */
  void excludeItemSet(boolean[] chosen) {
    LinearExprBuilder differs = LinearExpr.newBuilder();
    int size = 0;
    for (int j = 0; j < x.length; j++) {
      differs.addTerm(x[j], chosen[j] ? -1 : 1);
      size += chosen[j] ? 1 : 0;
    }
    model.addGreaterOrEqual(differs, 1 - size);
  }

  private void addVariables() {
    for (int j = 0; j < x.length; j++) {
      x[j] = model.newBoolVar("x_" + j);
    }
    for (int l = 0; l < d.length; l++) {
      d[l] = model.newBoolVar("d_" + l);
    }
    for (int j = 0; j < x.length; j++) {
      for (int l = 0; l < d.length; l++) {
        y[j][l] = model.newBoolVar("y_" + j + "_" + l);
      }
    }
  }

  private void addConstraints() {
    int n = x.length;
    model.addLinearConstraint(
        LinearExpr.sum(x),
        rules.minSize(),
        Math.max(rules.minSize(), Math.min(rules.maxSize(), n)));
    model.addLessOrEqual(weighted(x, j -> problem.items().get(j).price()), scaledBudget());
    addCategoryCaps();
    addDiscountChoice();
    addMarginFloor();
    for (int j = 0; j < n; j++) {
      if (!rules.stockAllows(problem.items().get(j))) {
        model.addEquality(x[j], 0);
      }
    }
  }

  /**
   * Budgets outside [0, total list price] act like its ends; clamping keeps the scaled value small.
   */
  private long scaledBudget() {
    double total = problem.items().stream().mapToDouble(BundleItem::price).sum();
    return scaled(Math.max(-1.0, Math.min(problem.budget(), total)), "budget");
  }

  private void addCategoryCaps() {
    Map<String, List<BoolVar>> byCategory = new LinkedHashMap<>();
    for (int j = 0; j < x.length; j++) {
      byCategory
          .computeIfAbsent(problem.items().get(j).categoryKey(), k -> new ArrayList<>())
          .add(x[j]);
    }
    for (List<BoolVar> members : byCategory.values()) {
      if (members.size() > rules.maxPerCategory()) {
        model.addLessOrEqual(
            LinearExpr.sum(members.toArray(BoolVar[]::new)), rules.maxPerCategory());
      }
    }
  }

  /** Exactly one level; y_jl = x_j AND d_l, exact because the d_l are one-hot. */
  private void addDiscountChoice() {
    model.addExactlyOne(d);
    for (int j = 0; j < x.length; j++) {
      LinearExprBuilder levelsOfItem = LinearExpr.newBuilder();
      for (int l = 0; l < d.length; l++) {
        levelsOfItem.add(y[j][l]);
        model.addImplication(y[j][l], d[l]);
      }
      model.addEquality(levelsOfItem, x[j]);
    }
  }

  /** (1 - f) * bundle price >= sum of costs, i.e. margin >= f * bundle price (after discount). */
  private void addMarginFloor() {
    if (rules.marginFloorRate() == null) {
      return;
    }
    double keep = 1 - rules.marginFloorRate();
    LinearExprBuilder slack = LinearExpr.newBuilder();
    for (int j = 0; j < x.length; j++) {
      BundleItem item = problem.items().get(j);
      for (int l = 0; l < d.length; l++) {
        slack.addTerm(y[j][l], scaled(keep * (1 - level(l)) * item.price(), "margin floor"));
      }
      slack.addTerm(x[j], -scaled(item.cost(), "cost"));
    }
    model.addGreaterOrEqual(slack, 0);
  }

  /** w_p * take-up + w_a * pair affinity + w_m * margin, every coefficient scaled. */
  private void addObjective() {
    LinearExprBuilder objective = LinearExpr.newBuilder();
    for (int j = 0; j < x.length; j++) {
      BundleItem item = problem.items().get(j);
      for (int l = 0; l < d.length; l++) {
        objective.addTerm(
            y[j][l], scaled(BundleValues.itemValue(item, level(l), rules), "objective"));
      }
      objective.addTerm(x[j], -scaled(rules.marginWeight() * item.cost(), "objective"));
    }
    addPairTerms(objective);
    model.maximize(objective);
  }

  /** z_ij = x_i AND x_j, created only for pairs that move the objective. */
  private void addPairTerms(LinearExprBuilder objective) {
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        long coefficient = scaled(rules.affinityWeight() * problem.pairAffinity(i, j), "affinity");
        if (coefficient == 0) {
          continue;
        }
        BoolVar z = model.newBoolVar("z_" + i + "_" + j);
        model.addImplication(z, x[i]);
        model.addImplication(z, x[j]);
        model.addLessOrEqual(LinearExpr.newBuilder().add(x[i]).add(x[j]).addTerm(z, -1), 1);
        objective.addTerm(z, coefficient);
      }
    }
  }

  private LinearExprBuilder weighted(BoolVar[] vars, IntToDoubleFunction value) {
    LinearExprBuilder expr = LinearExpr.newBuilder();
    for (int j = 0; j < vars.length; j++) {
      expr.addTerm(vars[j], scaled(value.applyAsDouble(j), "price"));
    }
    return expr;
  }

  private double level(int l) {
    return rules.discountLevels().get(l);
  }

  static long scaled(double value, String what) {
    double s = value * SCALE;
    if (!Double.isFinite(s) || Math.abs(s) > MAX_SCALED) {
      throw new IllegalArgumentException(
          what + " value " + value + " is too large for the integer scale " + SCALE);
    }
    return Math.round(s);
  }
}
