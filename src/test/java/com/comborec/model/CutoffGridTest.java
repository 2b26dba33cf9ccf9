package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestConfig;
import com.comborec.model.evaluation.Protocol;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cutoffs on the fixed grid: every night of a grid step measures the same ones, the newest
 * forward window ends on the grid day, and the read window reaches back over the step.
 */
class CutoffGridTest {
  /** The defaults: 3 cutoffs 14 days apart on every other Sunday from 1970-01-04; 6 for ranker. */
  static Protocol protocol() {
    ModelSettings s = TestConfig.defaults().get(ModelSettings.SECTION);
    return new Protocol(
        10,
        3,
        14,
        5000,
        28,
        180,
        List.of("ease"),
        s.eval().popularity(),
        List.of(0.5),
        null,
        s.ranker(),
        false,
        s.eval().cutoffAnchor());
  }

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void aSundayTwoWeeksAfterTheAnchorStepIsAGridDay() {
    // 2011-07-24 is day 15,179 of the epoch; the anchor, 1970-01-04, is day 3: 15,176 = 14 x 1,084.
    assertEquals(day("2011-07-24"), protocol().gridDay(day("2011-07-24")));
    assertEquals(day("2011-07-24"), protocol().gridDay(day("2011-07-31")), "a week later");
    assertEquals(day("2011-07-24"), protocol().gridDay(day("2011-08-06")), "13 days later");
    assertEquals(day("2011-08-07"), protocol().gridDay(day("2011-08-07")), "the next step");
    assertEquals(day("1970-01-04"), protocol().gridDay(day("1970-01-17")), "the anchor's step");
    assertEquals(day("1969-12-21"), protocol().gridDay(day("1970-01-03")), "before the anchor");
  }

  @Test
  void everyNightOfAStepMeasuresTheSameCutoffs() {
    List<LocalDate> expected = List.of(day("2011-07-10"), day("2011-06-26"), day("2011-06-12"));
    for (LocalDate d = day("2011-07-24"); d.isBefore(day("2011-08-07")); d = d.plusDays(1)) {
      assertEquals(expected, protocol().innerCutoffs(d), d.toString());
    }
    assertEquals(
        List.of(day("2011-07-24"), day("2011-07-10"), day("2011-06-26")),
        protocol().innerCutoffs(day("2011-08-07")),
        "the next step drops the oldest and adds one");
  }

  @Test
  void theServingRankerLearnsFromTheSixGridCutoffsBeforeTheStep() {
    assertEquals(
        List.of(
            day("2011-07-10"),
            day("2011-06-26"),
            day("2011-06-12"),
            day("2011-05-29"),
            day("2011-05-15"),
            day("2011-05-01")),
        protocol().rankerCutoffs(day("2011-08-02")));
  }

  @Test
  void theReadWindowCoversTheOldestTrainingCutoffOfTheLatestDayOfAStep() {
    // 13 days into a step: oldest inner cutoff 14 x 3 + 13 days back, its ranker's oldest
    // training cutoff 14 x 6 before that.
    assertEquals(14 * 9 + 13, protocol().lookBehindDays());
    LocalDate last = day("2011-08-06");
    LocalDate oldestInner = protocol().innerCutoffs(last).get(2);
    LocalDate oldestTraining = protocol().rankerCutoffs(oldestInner).get(5);
    assertEquals(last.minusDays(protocol().lookBehindDays()), oldestTraining);
  }
}
