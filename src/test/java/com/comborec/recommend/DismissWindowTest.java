package com.comborec.recommend;

import static com.comborec.recommend.Fixtures.frame;
import static com.comborec.recommend.Fixtures.lines;
import static com.comborec.recommend.Fixtures.row;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestConfig;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * Dismissal suppression holds for exactly dismiss-days runs: an item dismissed on day X is left out
 * of the lists of runs X .. X + dismiss-days - 1 (age d = run - X below dismiss-days) and is listed
 * again on X + dismiss-days, one day later.
 */
class DismissWindowTest {
  private static final LocalDate X = LocalDate.of(2026, 3, 10);

  /** u1 dismissed B on X; u2 clicked B the same day (not a dismissal). */
  private static Dataset<Row> feedback() {
    Timestamp t = Timestamp.valueOf(X + " 09:00:00");
    return frame(
        Schemas.validated(Source.FEEDBACK).add("dt", DataTypes.DateType),
        row(t, "u1", "recommendations", "B", null, "dismiss", Date.valueOf(X)),
        row(t, "u2", "recommendations", "B", null, "click", Date.valueOf(X)));
  }

  /** Both users' candidates A and B, after the exclusions of the run of {@code run}. */
  private static List<String> listedOn(LocalDate run, RecommendSettings s) {
    // As ValidatedStore reads it: partitions from dismissFrom up to the run day, none later.
    Dataset<Row> known = feedback().filter(col("dt").leq(lit(Date.valueOf(run))));
    Dataset<Row> dismissed = Exclusions.dismissals(known, s.dismissFrom(run));
    Dataset<Row> exclusions = Exclusions.userExclusions(frame(Fixtures.PAIRS), dismissed, false);
    Dataset<Row> candidates =
        frame(Fixtures.PAIRS, row("u1", "A"), row("u1", "B"), row("u2", "A"), row("u2", "B"));
    return lines(
        Exclusions.drop(candidates, exclusions, frame(Fixtures.ITEMS, row("A"), row("B"))),
        "user_id",
        "item_id");
  }

  @Test
  void threeDayWindowSuppressesOnDaysZeroToTwoAndListsAgainOnDayThree() {
    RecommendSettings s = new RecommendSettings(10, 2, 3, 4096, 3);
    List<String> suppressed = List.of("u1|A", "u2|A", "u2|B");
    List<String> listed = List.of("u1|A", "u1|B", "u2|A", "u2|B");
    List<List<String>> want = new ArrayList<>();
    List<List<String>> got = new ArrayList<>();
    for (int d = 0; d <= 4; d++) {
      want.add(d < 3 ? suppressed : listed);
      got.add(listedOn(X.plusDays(d), s));
    }
    // d = 0, 1, 2: B is gone for u1 only; d = 3 (= dismiss-days) and 4: listed again.
    assertEquals(want, got, "lists on X + 0 .. X + 4 with dismiss-days = 3");
    assertEquals(X.minusDays(2), s.dismissFrom(X), "dismissFrom(X) = X - (3 - 1)");
  }

  @Test
  void defaultThirtyDaysEndsOnDayTwentyNine() {
    RecommendSettings s = TestConfig.defaults().get(RecommendSettings.SECTION);
    assertEquals(30, s.dismissDays(), "reference.conf dismiss-days");
    assertEquals(
        List.of("u1|A", "u2|A", "u2|B"), listedOn(X.plusDays(29), s), "d = 29: still suppressed");
    assertEquals(
        List.of("u1|A", "u1|B", "u2|A", "u2|B"),
        listedOn(X.plusDays(30), s),
        "d = 30: listed again");
  }
}
