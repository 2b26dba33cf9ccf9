package com.comborec.model.evaluation;

import com.comborec.model.ranker.Ranker;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What earlier runs measured at a cutoff, the ranker rows they labelled there and the rankers they
 * fitted, kept so that a later night asking for the same cutoff or ranker on the same inputs and
 * settings reads it instead of building it again. Cutoffs fall on a fixed grid ({@link
 * Protocol#innerCutoffs}), so the nights of a grid step ask for the same ones, the ranker serving
 * one step is the ranker a cutoff of the next step is measured with, and the next step's ranker
 * learns from the same cutoffs' rows but one. Whoever implements it decides when a stored result
 * still stands (inputs and settings unchanged); {@link RollingEvaluation} only asks and stores.
 */
public interface EarlierWork {

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

  /**
   * The labelled ranker rows of {@code cutoff} (users with a positive only), as {@link
   * RollingEvaluation} trains on them, if they still stand.
   */
  Optional<Dataset<Row>> findRows(LocalDate cutoff);

  /** Stores the labelled ranker rows just built at {@code cutoff}. */
  void keepRows(LocalDate cutoff, Dataset<Row> rows);

  /**
   * The stored ranker of the grid day {@code gridDay}, trained on {@code cutoffs} (those of its
   * training cutoffs with enough history), if one still stands.
   */
  Optional<Ranker.Fitted> findRanker(LocalDate gridDay, List<LocalDate> cutoffs);

  /** Stores the ranker just trained for {@code gridDay} on {@code cutoffs}. */
  void keepRanker(LocalDate gridDay, List<LocalDate> cutoffs, Ranker.Fitted ranker);

  /** Nothing stored, nothing kept: the backtest and tests measure and fit everything. */
  EarlierWork NONE =
      new EarlierWork() {
        @Override
        public Optional<Measured> find(LocalDate cutoff) {
          return Optional.empty();
        }

        @Override
        public void keep(LocalDate cutoff, Measured measured) {}

        @Override
        public Optional<Dataset<Row>> findRows(LocalDate cutoff) {
          return Optional.empty();
        }

        @Override
        public void keepRows(LocalDate cutoff, Dataset<Row> rows) {}

        @Override
        public Optional<Ranker.Fitted> findRanker(LocalDate gridDay, List<LocalDate> cutoffs) {
          return Optional.empty();
        }

        @Override
        public void keepRanker(LocalDate gridDay, List<LocalDate> cutoffs, Ranker.Fitted ranker) {}
      };
}
