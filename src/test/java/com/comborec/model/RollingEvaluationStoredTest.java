package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.model.evaluation.EarlierWork;
import com.comborec.model.evaluation.Metrics;
import com.comborec.model.evaluation.Protocol;
import com.comborec.model.evaluation.RollingEvaluation;
import com.comborec.model.ranker.Ranker;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving choice reads a cutoff's stored figures instead of measuring it, and measures (and
 * stores) a cutoff whose stored figures lack a list. The store here is a map: what stands and what
 * does not is {@link StoredWorkTest}'s subject.
 */
class RollingEvaluationStoredTest {
  @TempDir static Path dir;
  static RunContext ctx;
  static Protocol protocol;
  static RollingEvaluation.Selection measured;
  static final Map<LocalDate, EarlierWork.Measured> kept = new HashMap<>();

  /** A store in a map, as the work store's files would hold it. */
  static EarlierWork inMap(Map<LocalDate, EarlierWork.Measured> map) {
    return new EarlierWork() {
      @Override
      public Optional<Measured> find(LocalDate cutoff) {
        return Optional.ofNullable(map.get(cutoff));
      }

      @Override
      public void keep(LocalDate cutoff, Measured m) {
        map.put(cutoff, m);
      }

      // The ranker is off in these settings: no ranker or ranker rows are asked for or kept.
      @Override
      public Optional<Dataset<Row>> findRows(LocalDate cutoff) {
        throw new AssertionError("no ranker rows are asked for");
      }

      @Override
      public void keepRows(LocalDate cutoff, Dataset<Row> rows) {
        throw new AssertionError("no ranker rows are kept");
      }

      @Override
      public Optional<Ranker.Fitted> findRanker(LocalDate gridDay, List<LocalDate> cutoffs) {
        throw new AssertionError("no ranker is asked for");
      }

      @Override
      public void keepRanker(LocalDate gridDay, List<LocalDate> cutoffs, Ranker.Fitted ranker) {
        throw new AssertionError("no ranker is kept");
      }
    };
  }

  @BeforeAll
  static void measureOnce() {
    ComboConfig config =
        SyntheticShop.config(
            dir,
            "out",
            "model.ranker.enabled=false",
            "model.eval.options=[ease]",
            "model.eval.cutoffs=1");
    ctx = new RunContext(TestSpark.session(), config, SyntheticShop.RUN_DAY, "test");
    SyntheticShop.writeValidated(ctx);
    protocol = ModelStage.protocol(ctx, config.get(ModelSettings.SECTION));
    measured = select(inMap(kept));
  }

  static RollingEvaluation.Selection select(EarlierWork store) {
    try (RollingEvaluation evaluation = SyntheticShop.evaluation(ctx, protocol, store)) {
      return evaluation.select(SyntheticShop.RUN_DAY);
    }
  }

  @Test
  void theFirstSelectionStoresEveryInnerCutoffsFigures() {
    assertEquals(List.of(LocalDate.parse("2026-03-24")), measured.cutoffs());
    for (LocalDate c : measured.cutoffs()) {
      Map<String, Metrics> stored = kept.get(c).metrics();
      assertEquals(
          List.of("pop7", "pop14", "pop30", "ease").stream().sorted().toList(),
          stored.keySet().stream().sorted().toList(),
          c.toString());
      measured
          .table()
          .forEach(
              (list, byCutoff) ->
                  assertEquals(byCutoff.get(c), stored.get(list), list + " at " + c));
      assertTrue(stored.get("ease").users() > 0, "evaluated users at " + c);
    }
  }

  @Test
  void storedFiguresChooseWithoutMeasuring() {
    // EASE planted far above everything: only a choice read from the store serves 0.99.
    Map<LocalDate, EarlierWork.Measured> planted = new HashMap<>();
    kept.forEach(
        (c, m) -> {
          Map<String, Metrics> metrics = new LinkedHashMap<>(m.metrics());
          Metrics ease = metrics.get("ease");
          metrics.put(
              "ease",
              new Metrics(
                  0.99,
                  ease.precision(),
                  ease.recall(),
                  ease.map(),
                  ease.coverage(),
                  ease.users()));
          planted.put(c, new EarlierWork.Measured(m.trainable(), metrics));
        });
    RollingEvaluation.Selection chosen = select(inMap(planted));
    assertEquals("ease", chosen.choice().option(), chosen.choice().reason());
    assertEquals(0.99, chosen.servedNdcg(), 1e-12);
    assertEquals(
        measured.table().get("pop7"), chosen.table().get("pop7"), "the other figures as stored");
  }

  @Test
  void aCutoffWhoseStoredFiguresLackAListIsMeasuredAgainAndStored() {
    Map<LocalDate, EarlierWork.Measured> partial = new HashMap<>(kept);
    LocalDate newest = measured.cutoffs().get(0);
    Map<String, Metrics> withoutEase = new LinkedHashMap<>(kept.get(newest).metrics());
    withoutEase.remove("ease");
    partial.put(newest, new EarlierWork.Measured(false, withoutEase));
    RollingEvaluation.Selection again = select(inMap(partial));
    assertEquals(measured.table(), again.table(), "measured to the same figures");
    assertEquals(measured.choice(), again.choice());
    assertEquals(kept.get(newest), partial.get(newest), "stored again, whole");
  }
}
