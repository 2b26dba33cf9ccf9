package com.comborec.bundle;

import com.google.ortools.sat.CpSolverStatus;

/**
 * How one CP-SAT call ended, as the bundle stage counts it; a published bundle carries {@code
 * OPTIMAL} or {@code FEASIBLE} (the time limit stopped the search) in {@code solver_status}.
 */
public enum SolveStatus {
  OPTIMAL,
  FEASIBLE,
  INFEASIBLE,
  /** The time limit came before any solution. */
  UNKNOWN;

  /** A call that found a bundle. */
  public boolean found() {
    return this == OPTIMAL || this == FEASIBLE;
  }

  /** CP-SAT's status; MODEL_INVALID is a bug in the model, never a data condition. */
  static SolveStatus of(CpSolverStatus status, BundleModel model) {
    return switch (status) {
      case OPTIMAL -> OPTIMAL;
      case FEASIBLE -> FEASIBLE;
      case INFEASIBLE -> INFEASIBLE;
      case UNKNOWN -> UNKNOWN;
      default ->
          throw new IllegalStateException(
              "CP-SAT rejected the bundle model (" + status + "): " + model.model().validate());
    };
  }
}
