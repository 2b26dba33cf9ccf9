package com.comborec.bundle;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds up to R distinct bundles for one segment with OR-Tools CP-SAT. Plain Java in, plain Java
 * out: Spark tasks call it, it knows nothing of Spark. Each bundle is an optimal (or, at the time
 * limit, the best found) solution of the model with every earlier item set cut off.
 */
public final class BundleSolver {
  private static final Logger LOG = LoggerFactory.getLogger(BundleSolver.class);

  private final BundleRules rules;
  private final SolverLimits limits;

  public BundleSolver(BundleRules rules, SolverLimits limits) {
    OrToolsNative.ensureLoaded();
    this.rules = rules;
    this.limits = limits;
  }

  public BundleOutcome solve(BundleProblem problem) {
    BundleModel model = BundleModel.build(problem, rules);
    CpSolver solver = newSolver();
    List<BundleSolution> bundles = new ArrayList<>();
    int[] counts = new int[4];
    double seconds = 0;
    while (bundles.size() < rules.bundles()) {
      CpSolverStatus status = solver.solve(model.model());
      seconds += solver.wallTime();
      counts[countIndex(status, model)]++;
      if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
        break;
      }
      boolean[] chosen = model.chosenItems(solver);
      bundles.add(
          BundleValues.solution(
              problem, rules, chosen, model.chosenLevel(solver), status.name(), solver.wallTime()));
      model.excludeItemSet(chosen);
    }
    LOG.debug("segment {}: {} bundles in {} s", problem.segmentId(), bundles.size(), seconds);
    return new BundleOutcome(
        problem.segmentId(), bundles, counts[0], counts[1], counts[2], counts[3], seconds);
  }

  /** Always a time limit, a fixed worker count and a fixed seed: reproducible and bounded. */
  private CpSolver newSolver() {
    CpSolver solver = new CpSolver();
    solver
        .getParameters()
        .setMaxTimeInSeconds(limits.timeLimitSeconds())
        .setNumWorkers(limits.workers())
        .setRandomSeed(limits.seed())
        .setLogSearchProgress(false);
    return solver;
  }

  /** 0 optimal, 1 feasible, 2 infeasible, 3 unknown (time limit before any solution). */
  private static int countIndex(CpSolverStatus status, BundleModel model) {
    return switch (status) {
      case OPTIMAL -> 0;
      case FEASIBLE -> 1;
      case INFEASIBLE -> 2;
      case UNKNOWN -> 3;
      default ->
          throw new IllegalStateException(
              "CP-SAT rejected the bundle model (" + status + "): " + model.model().validate());
    };
  }
}
