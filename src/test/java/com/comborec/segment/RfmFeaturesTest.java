package com.comborec.segment;

import static com.comborec.segment.SegmentFixtures.RUN_DAY;
import static com.comborec.segment.SegmentFixtures.byKey;
import static com.comborec.segment.SegmentFixtures.event;
import static com.comborec.segment.SegmentFixtures.events;
import static com.comborec.segment.SegmentFixtures.product;
import static com.comborec.segment.SegmentFixtures.products;
import static com.comborec.segment.SegmentFixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** RFM and category shares on a hand-computed fixture (run day 2026-03-10). */
class RfmFeaturesTest {

  /**
   * Catalog: p1 Kitchen > Pots 10.0, p2 Garden 4.0, p3 Kitchen 100.0. u1: purchases p1 x2 (no unit
   * price: catalog 10 = 20) and p2 x(null=1) at 3.0 in order o1 on 03-01; p2 1 x 4.0 twice without
   * order on 03-05 (one day basket); a return of p1 without price (-10) on 03-06; a view (ignored).
   * recency 10-5 = 5, frequency {o1, day 03-05} = 2, monetary 20 + 3 + 4 + 4 - 10 = 21. u2:
   * purchase p3 at 90 (o2) and return of 2 x p3 at 100 on the run day: 90 - 200 floored = 0;
   * recency 0, frequency 1. u3: only a return: no recency, frequency 0, monetary floored 0. u4:
   * only a view: no row. A guest purchase: no row.
   */
  static Dataset<Row> lines() {
    Dataset<Row> events =
        events(
            event("u1", "p1", "purchase", 2, null, "o1", "2026-03-01"),
            event("u1", "p2", "purchase", null, 3.0, "o1", "2026-03-01"),
            event("u1", "p2", "purchase", 1, 4.0, null, "2026-03-05"),
            event("u1", "p2", "purchase", 1, 4.0, null, "2026-03-05"),
            event("u1", "p1", "return", 1, null, null, "2026-03-06"),
            event("u1", "p3", "view", 1, null, null, "2026-03-07"),
            event("u2", "p3", "purchase", 1, 90.0, "o2", "2026-03-10"),
            event("u2", "p3", "return", 2, 100.0, null, "2026-03-10"),
            event("u3", "p1", "return", 1, null, null, "2026-03-02"),
            event("u4", "p1", "view", 1, null, null, "2026-03-02"),
            event(null, "p1", "purchase", 5, null, "o9", "2026-03-02"));
    return RfmFeatures.priceLines(
        events,
        products(
            product("p1", "Kitchen > Pots", 10.0),
            product("p2", "Garden", 4.0),
            product("p3", "Kitchen", 100.0)));
  }

  @Test
  void rfmMatchesHandComputedValues() {
    Map<String, Row> rfm = byKey(RfmFeatures.computeRfm(lines(), RUN_DAY), "user_id");
    assertEquals(
        3, rfm.size(), "users with purchases or returns (no guest, no viewer): " + rfm.keySet());
    assertRfm(row(rfm, "u1"), 5, 2, 21.0);
    assertRfm(row(rfm, "u2"), 0, 1, 0.0);
    assertRfm(row(rfm, "u3"), null, 0, 0.0);
  }

  @Test
  void linesTakeTheTopLevelCategoryAndCatalogPrice() {
    Map<String, Row> lines =
        byKey(lines().filter("user_id = 'u1' AND order_id = 'o1' AND quantity = 2"), "user_id");
    Row r = row(lines, "u1");
    assertEquals("Kitchen", r.getAs("top_category"), "u1 p1 line: top_category");
    assertEquals(20.0, (double) r.getAs("amount"), 1e-9, "u1 p1 line: amount = 2 x catalog 10");
  }

  /**
   * Purchased units: Garden 3 (u1), Kitchen 3 (u1 2 + u2 1): tied, so by name garden first. Top 1 =
   * garden: u1 garden 3/5 = 0.6, other 2/5 = 0.4; u2 garden 0, other 1. u3 bought nothing.
   */
  @Test
  void categorySharesSplitTopCategoriesFromTheRest() {
    var top = CategoryShares.topCategories(lines(), 1);
    assertEquals(1, top.size(), "top categories: " + top);
    assertEquals("garden", top.get(0).token(), "top category token (tie broken by name)");
    Map<String, Row> shares = byKey(CategoryShares.computeShares(lines(), top), "user_id");
    assertEquals(2, shares.size(), "users with purchases: " + shares.keySet());
    assertShare(row(shares, "u1"), "share_garden", 0.6);
    assertShare(row(shares, "u1"), "share_other", 0.4);
    assertShare(row(shares, "u2"), "share_garden", 0.0);
    assertShare(row(shares, "u2"), "share_other", 1.0);
  }

  @Test
  void allCategoriesKeptLeaveOtherEmpty() {
    var top = CategoryShares.topCategories(lines(), 8);
    assertEquals("[garden, kitchen]", top.stream().map(TopValues.Value::token).toList().toString());
    Map<String, Row> shares = byKey(CategoryShares.computeShares(lines(), top), "user_id");
    assertShare(row(shares, "u1"), "share_kitchen", 0.4);
    assertShare(row(shares, "u1"), "share_other", 0.0);
    assertShare(row(shares, "u2"), "share_kitchen", 1.0);
  }

  private static void assertRfm(Row r, Integer recency, long frequency, double monetary) {
    String user = r.getAs("user_id");
    assertEquals(recency, r.getAs("recency_days"), user + ": recency_days");
    assertEquals(frequency, (long) r.getAs("frequency"), user + ": frequency");
    assertEquals(monetary, (double) r.getAs("monetary"), 1e-9, user + ": monetary");
    assertTrue(monetary >= 0, user + ": monetary floor");
  }

  private static void assertShare(Row r, String column, double expected) {
    assertEquals(expected, (double) r.getAs(column), 1e-9, r.getAs("user_id") + ": " + column);
  }
}
