package com.comborec.bundle;

import java.io.Serializable;

/** How many CP-SAT calls ended with each {@link SolveStatus}. */
public record SolveCounts(int optimal, int feasible, int infeasible, int unknown)
    implements Serializable {

  public static final SolveCounts NONE = new SolveCounts(0, 0, 0, 0);

  public SolveCounts plus(SolveStatus status) {
    return new SolveCounts(
        optimal + (status == SolveStatus.OPTIMAL ? 1 : 0),
        feasible + (status == SolveStatus.FEASIBLE ? 1 : 0),
        infeasible + (status == SolveStatus.INFEASIBLE ? 1 : 0),
        unknown + (status == SolveStatus.UNKNOWN ? 1 : 0));
  }

  public SolveCounts plus(SolveCounts other) {
    return new SolveCounts(
        optimal + other.optimal,
        feasible + other.feasible,
        infeasible + other.infeasible,
        unknown + other.unknown);
  }
}
