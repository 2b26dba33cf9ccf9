package com.comborec.bundle;

import com.google.ortools.sat.CpSolver;
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
    SolveCounts calls = SolveCounts.NONE;
    double seconds = 0;
    while (bundles.size() < rules.bundles()) {
      SolveStatus status = SolveStatus.of(solver.solve(model.model()), model);
      seconds += solver.wallTime();
      calls = calls.plus(status);
      if (!status.found()) {
        break;
      }
      boolean[] chosen = model.chosenItems(solver);
      bundles.add(
          BundleValues.solution(
              problem, rules, chosen, model.chosenLevel(solver), status, solver.wallTime()));
      model.excludeItemSet(chosen);
    }
    LOG.debug("segment {}: {} bundles in {} s", problem.segmentId(), bundles.size(), seconds);
    return new BundleOutcome(problem.segmentId(), bundles, calls, seconds);
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
}
