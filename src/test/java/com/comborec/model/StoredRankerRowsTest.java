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
 * A new grid step's ranker learns from the step before's cutoffs but one: their labelled rows come
 * from the model store, and the ranker fitted on them is the one fitted on rows built afresh. The
 * shop's grid: 7 days, anchored on 03-31; two training cutoffs, so the ranker of 03-24 learns from
 * 03-17 and 03-10, the ranker of 03-31 from 03-24 and 03-17.
 */
class StoredRankerRowsTest {
  static final LocalDate STEP_BEFORE = LocalDate.parse("2026-03-24");
  static final LocalDate STEP = SyntheticShop.RUN_DAY;

  @TempDir static Path dir;
  static RunContext ctx;
  static Protocol protocol;
  static final List<LocalDate> keptFirst = new ArrayList<>();
  static final List<LocalDate> found = new ArrayList<>();
  static final List<LocalDate> keptNext = new ArrayList<>();
  static Ranker.Fitted fromStore;
  static Ranker.Fitted afresh;

  @BeforeAll
  static void fitTwoStepsOnOneStoreAndOneWithout() {
    ComboConfig config =
        SyntheticShop.config(
            dir, "out", "model.ranker.training-cutoffs=2", "model.ranker.max-iter=3");
    ctx = new RunContext(TestSpark.session(), config, STEP, "test");
    SyntheticShop.writeValidated(ctx);
    protocol = ModelStage.protocol(ctx, config.get(ModelSettings.SECTION));
    rankerFor(STEP_BEFORE, counting(new ArrayList<>(), keptFirst));
    fromStore = rankerFor(STEP, counting(found, keptNext)).orElseThrow();
    afresh = rankerFor(STEP, EarlierWork.NONE).orElseThrow();
  }

  static Optional<Ranker.Fitted> rankerFor(LocalDate day, EarlierWork store) {
    try (RollingEvaluation evaluation =
        new RollingEvaluation(
            ModelStage.history(ctx, protocol),
            protocol,
            ModelStage.snapshots(ctx),
            SyntheticShop.RUN_DAY,
            store)) {
      return evaluation.rankerFor(day);
    }
  }

  /** The model store, noting the cutoffs whose rows it served and those it was given. */
  static EarlierWork counting(List<LocalDate> served, List<LocalDate> given) {
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
        return store.findRanker(gridDay, cutoffs);
      }

      @Override
      public void keepRanker(LocalDate gridDay, List<LocalDate> cutoffs, Ranker.Fitted ranker) {
        store.keepRanker(gridDay, cutoffs, ranker);
      }
    };
  }

  @Test
  void theStepBeforeStoresTheRowsOfBothItsCutoffs() {
    assertEquals(List.of(LocalDate.parse("2026-03-17"), LocalDate.parse("2026-03-10")), keptFirst);
  }

  @Test
  void theNewStepReadsTheSharedCutoffsRowsAndBuildsOnlyTheNewOnes() {
    assertEquals(List.of(LocalDate.parse("2026-03-17")), found);
    assertEquals(List.of(LocalDate.parse("2026-03-24")), keptNext);
  }

  @Test
  void theRankerLearnedFromStoredRowsScoresAsTheOneLearnedAfresh() {
    Dataset<Row> rows =
        new StoredWork(ctx, protocol).findRows(LocalDate.parse("2026-03-24")).orElseThrow();
    assertTrue(rows.count() > 0, "rows to score");
    assertEquals(
        afresh.score(rows).orderBy("user_id", "item_id").collectAsList(),
        fromStore.score(rows).orderBy("user_id", "item_id").collectAsList(),
        "every score to the last digit");
  }
}
