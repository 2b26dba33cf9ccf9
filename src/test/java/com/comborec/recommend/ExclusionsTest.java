package com.comborec.recommend;

import static com.comborec.recommend.Fixtures.frame;
import static com.comborec.recommend.Fixtures.lines;
import static com.comborec.recommend.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Each filter on its own: inactive, out of stock, bought, dismissed (window, action, ids). */
class ExclusionsTest {
  private static final LocalDate RUN = LocalDate.of(2026, 3, 31);
  private static final Timestamp T = Timestamp.valueOf("2026-03-30 10:00:00");

  @Test
  void availableItemsDropInactiveAndOutOfStockOnly() {
    // A: active and stock unknown -> ok; B: inactive -> out; C: stock 0 -> out; D: stock 5 -> ok;
    // E: active unknown (null = true) and stock 1 -> ok.
    Dataset<Row> products =
        frame(
            Schemas.validated(Source.PRODUCTS),
            row("A", "t", "c", "b", 1.0, null, null, true),
            row("B", "t", "c", "b", 1.0, null, 3, false),
            row("C", "t", "c", "b", 1.0, null, 0, true),
            row("D", "t", "c", "b", 1.0, null, 5, true),
            row("E", "t", "c", "b", 1.0, null, 1, null));
    assertEquals(
        List.of("A", "D", "E"),
        lines(Exclusions.availableItems(products), "item_id"),
        "available items");
  }

  @Test
  void purchasesAreKnownUsersPurchaseEvents() {
    // u1 bought A twice and viewed B; a guest bought C: only (u1, A).
    Dataset<Row> events =
        frame(
            Schemas.validated(Source.EVENTS).add("dt", DataTypes.DateType),
            row(T, "u1", "A", "purchase", 1, 2.0, "o1", Date.valueOf(RUN)),
            row(T, "u1", "A", "purchase", 1, 2.0, "o2", Date.valueOf(RUN)),
            row(T, "u1", "B", "view", null, null, null, Date.valueOf(RUN)),
            row(T, null, "C", "purchase", 1, 2.0, "o3", Date.valueOf(RUN)));
    assertEquals(
        List.of("u1|A"), lines(Exclusions.purchases(events), "user_id", "item_id"), "purchases");
  }

  @Test
  void dismissalsKeepDismissActionsWithinTheWindow() {
    // from = run - 29 days. u1 dismissed B 5 days ago -> in; u1 dismissed C 40 days ago -> out;
    // u2 clicked D -> out; u2 'DISMISS' E (upper case) -> in; u3 dismissed a bundle (no item) ->
    // out.
    Dataset<Row> feedback =
        frame(
            Schemas.validated(Source.FEEDBACK).add("dt", DataTypes.DateType),
            row(T, "u1", "recommendations", "B", null, "dismiss", Date.valueOf(RUN.minusDays(5))),
            row(T, "u1", "recommendations", "C", null, "dismiss", Date.valueOf(RUN.minusDays(40))),
            row(T, "u2", "recommendations", "D", null, "click", Date.valueOf(RUN)),
            row(T, "u2", "similar_items", "E", null, "DISMISS", Date.valueOf(RUN)),
            row(T, "u3", "bundles", null, "b1", "dismiss", Date.valueOf(RUN)));
    assertEquals(
        List.of("u1|B", "u2|E"),
        lines(Exclusions.dismissals(feedback, RUN.minusDays(29)), "user_id", "item_id"),
        "dismissals");
  }

  @Test
  void userExclusionsAreBoughtPlusDismissedUnlessRepeatPurchase() {
    Dataset<Row> bought = frame(Fixtures.PAIRS, row("u1", "A"), row("u2", "B"));
    Dataset<Row> dismissed = frame(Fixtures.PAIRS, row("u1", "A"), row("u1", "C"));
    assertEquals(
        List.of("u1|A", "u1|C", "u2|B"),
        lines(Exclusions.userExclusions(bought, dismissed, false), "user_id", "item_id"),
        "no repeat purchase");
    assertEquals(
        List.of("u1|A", "u1|C"),
        lines(Exclusions.userExclusions(bought, dismissed, true), "user_id", "item_id"),
        "repeat purchase: dismissals only");
  }

  @Test
  void dropRemovesUnavailableAndUserExcludedCandidates() {
    // u1: A excluded for u1, B unavailable, C ok; u2: A ok (the exclusion is u1's only).
    Dataset<Row> candidates =
        frame(Fixtures.PAIRS, row("u1", "A"), row("u1", "B"), row("u1", "C"), row("u2", "A"));
    Dataset<Row> out =
        Exclusions.drop(
            candidates,
            frame(Fixtures.PAIRS, row("u1", "A")),
            frame(Fixtures.ITEMS, row("A"), row("C")));
    assertEquals(List.of("u1|C", "u2|A"), lines(out, "user_id", "item_id"), "kept candidates");
  }
}
