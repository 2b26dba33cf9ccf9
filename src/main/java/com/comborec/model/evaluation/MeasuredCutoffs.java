package com.comborec.model.evaluation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What earlier runs measured at a cutoff, kept so that a later night measuring the same cutoff on
 * the same inputs and settings reads it instead of building every list again. Cutoffs fall on a
 * fixed grid ({@link Protocol#innerCutoffs}), so the nights of a grid step ask for the same ones.
 * Whoever implements it decides when a stored measurement still stands (inputs and settings
 * unchanged); {@link RollingEvaluation} only asks and stores.
 */
public interface MeasuredCutoffs {

  /**
   * One cutoff's figures.
   *
   * @param trainable whether a ranker could be trained for the cutoff (false when none was asked)
   * @param metrics each measured list's metrics
   */
  record Measured(boolean trainable, Map<String, Metrics> metrics) {
    public Measured {
      metrics = Map.copyOf(metrics);
    }
  }

  /** The stored measurement of {@code cutoff}, if one still stands. */
  Optional<Measured> find(LocalDate cutoff);

  /** Stores what was just measured at {@code cutoff}. */
  void keep(LocalDate cutoff, Measured measured);

  /** Nothing stored, nothing kept: the backtest and tests measure everything. */
  MeasuredCutoffs NONE =
      new MeasuredCutoffs() {
        @Override
        public Optional<Measured> find(LocalDate cutoff) {
          return Optional.empty();
        }

        @Override
        public void keep(LocalDate cutoff, Measured measured) {}
      };
}
