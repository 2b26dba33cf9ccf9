package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.model.evaluation.EarlierWork;
import com.comborec.model.evaluation.Protocol;
import com.comborec.model.evaluation.RollingEvaluation;
import com.comborec.model.ranker.Ranker;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ranker's training rows are stored per cutoff, and a ranker fitted on stored rows is the one
 * fitted on rows built afresh, score for score. The shop's grid: 7 days, anchored on 03-31; with
 * two training cutoffs the ranker of 03-31 learns from 03-24 and 03-17. The first fit builds and
 * stores both cutoffs' rows; the second, in a new evaluation told that no ranker is stored, reads
 * them.
 */
class StoredRankerRowsTest {
  static final LocalDate DAY = SyntheticShop.RUN_DAY;
  static final List<LocalDate> CUTOFFS =
      List.of(LocalDate.parse("2026-03-24"), LocalDate.parse("2026-03-17"));

  @TempDir static Path dir;
  static RunContext ctx;
  static Protocol protocol;
  static final List<LocalDate> foundFirst = new ArrayList<>();
  static final List<LocalDate> keptFirst = new ArrayList<>();
  static final List<LocalDate> foundNext = new ArrayList<>();
  static final List<LocalDate> keptNext = new ArrayList<>();
  static Ranker.Fitted afresh;
  static Ranker.Fitted fromStoredRows;

  @BeforeAll
  static void fitOnBuiltRowsThenOnStoredRows() {
    ComboConfig config =
        SyntheticShop.config(
            dir,
            "out",
            "model.ranker.training-cutoffs=2",
            "model.ranker.max-iter=3",
            // Two generators keep the rows' Spark jobs few; what is stored does not depend on them.
            "model.ranker.generators=[ease, pop7]");
    ctx = new RunContext(TestSpark.session(), config, DAY, "test");
    SyntheticShop.writeValidated(ctx);
    protocol = ModelStage.protocol(ctx, config.get(ModelSettings.SECTION));
    afresh = rankerFor(DAY, rowsOnly(foundFirst, keptFirst)).orElseThrow();
    fromStoredRows = rankerFor(DAY, rowsOnly(foundNext, keptNext)).orElseThrow();
  }

  static Optional<Ranker.Fitted> rankerFor(LocalDate day, EarlierWork store) {
    try (RollingEvaluation evaluation = SyntheticShop.evaluation(ctx, protocol, store)) {
      return evaluation.rankerFor(day);
    }
  }

  /**
   * The model store's ranker rows, noting the cutoffs whose rows it served and those it was given;
   * no ranker is found or kept, so each evaluation fits one.
   */
  static EarlierWork rowsOnly(List<LocalDate> served, List<LocalDate> given) {
    StoredWork store = new StoredWork(ctx, protocol);
    return new EarlierWork() {
      @Override
      public Optional<Measured> find(LocalDate cutoff) {
        return store.find(cutoff);
      }

      @Override
      public void keep(LocalDate cutoff, Measured measured) {
        store.keep(cutoff, measured);
      }

      @Override
      public Optional<Dataset<Row>> findRows(LocalDate cutoff) {
        Optional<Dataset<Row>> rows = store.findRows(cutoff);
        rows.ifPresent(r -> served.add(cutoff));
        return rows;
      }

      @Override
      public void keepRows(LocalDate cutoff, Dataset<Row> rows) {
        given.add(cutoff);
        store.keepRows(cutoff, rows);
      }

      @Override
      public Optional<Ranker.Fitted> findRanker(LocalDate gridDay, List<LocalDate> cutoffs) {
        return Optional.empty();
      }

      @Override
      public void keepRanker(LocalDate gridDay, List<LocalDate> cutoffs, Ranker.Fitted ranker) {}
    };
  }

  @Test
  void theFirstFitBuildsAndStoresEachTrainingCutoffsRows() {
    assertEquals(List.of(), foundFirst);
    assertEquals(CUTOFFS, keptFirst);
  }

  @Test
  void theNextFitReadsThemAndBuildsNone() {
    assertEquals(CUTOFFS, foundNext);
    assertEquals(List.of(), keptNext);
  }

  @Test
  void theRankerLearnedFromStoredRowsScoresAsTheOneLearnedAfresh() {
    Dataset<Row> rows = new StoredWork(ctx, protocol).findRows(CUTOFFS.get(0)).orElseThrow();
    assertTrue(rows.count() > 0, "rows to score");
    assertEquals(
        afresh.score(rows).orderBy("user_id", "item_id").collectAsList(),
        fromStoredRows.score(rows).orderBy("user_id", "item_id").collectAsList(),
        "every score to the last digit");
  }
}
