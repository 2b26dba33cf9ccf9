package com.comborec.bundle;

import java.io.Serializable;

/**
 * How CP-SAT searches: a wall-clock limit per solve, a fixed worker count and a fixed seed, so a
 * re-run of the same day finds the same bundles (as long as no solve hits the time limit).
 */
public record SolverLimits(double timeLimitSeconds, int workers, int seed) implements Serializable {
  public static final int DEFAULT_SEED = 17;

  public SolverLimits {
    if (!(timeLimitSeconds > 0) || !Double.isFinite(timeLimitSeconds)) {
      throw new IllegalArgumentException(
          "timeLimitSeconds must be positive, got " + timeLimitSeconds);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
  }

  public static SolverLimits of(double timeLimitSeconds, int workers) {
    return new SolverLimits(timeLimitSeconds, workers, DEFAULT_SEED);
  }
}
