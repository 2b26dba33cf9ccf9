package com.comborec.segment;

import static com.comborec.segment.SegmentFixtures.RUN_DAY;
import static com.comborec.segment.SegmentFixtures.byKey;
import static com.comborec.segment.SegmentFixtures.event;
import static com.comborec.segment.SegmentFixtures.events;
import static com.comborec.segment.SegmentFixtures.product;
import static com.comborec.segment.SegmentFixtures.products;
import static com.comborec.segment.SegmentFixtures.row;
import static com.comborec.segment.SegmentFixtures.user;
import static com.comborec.segment.SegmentFixtures.users;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Demographic one-hots, known users and the neutral defaults of the feature table. */
class UserFeaturesTest {

  /**
   * Run year 2026. Genders: f x2, m, x, (null) -> top 1 = f. Regions by token: north_east x2
   * ("North East", "north-east"), south, west, (null) -> top 1 = north_east, shown as the smallest
   * raw spelling "north east".
   */
  static Dataset<Row> demographicUsers() {
    return users(
        user("a", 1990, "f", "North East"),
        user("b", 1980, "m", "north-east"),
        user("c", null, "f", "South"),
        user("d", 2000, null, "West"),
        user("e", 1970, "x", null));
  }

  @Test
  void vocabularyKeepsTheMostCommonValues() {
    var vocab = DemographicFeatures.vocabulary(demographicUsers(), 1, 1);
    assertEquals(List.of(new TopValues.Value("f", "f")), vocab.genders(), "top genders");
    assertEquals(
        List.of(new TopValues.Value("north_east", "north east")), vocab.regions(), "top regions");
    assertEquals(
        List.of("gender_f", "gender_other", "region_north_east", "region_other"),
        vocab.columns(),
        "one-hot columns");
  }

  /** Expected (age, gender_f, gender_other, region_north_east, region_other) per user. */
  @Test
  void demographicsAreAgeAndOneHots() {
    var vocab = DemographicFeatures.vocabulary(demographicUsers(), 1, 1);
    Map<String, Row> rows =
        byKey(DemographicFeatures.computeDemographics(demographicUsers(), 2026, vocab), "user_id");
    assertDemographics(row(rows, "a"), 36.0, 1, 0, 1, 0);
    assertDemographics(row(rows, "b"), 46.0, 0, 1, 1, 0);
    assertDemographics(row(rows, "c"), null, 1, 0, 0, 1);
    assertDemographics(row(rows, "d"), 26.0, 0, 0, 0, 1);
    assertDemographics(row(rows, "e"), 56.0, 0, 1, 0, 0);
  }

  /**
   * Known users: a, b (snapshot) and c (events); the guest is not a user. Window 30 days. a: no
   * purchase -> recency 30, frequency 0, monetary 0; age 36. b: age unknown -> imputed with the
   * mean known age (36, a is the only one), age_missing 1. c: bought p1 (10.0, Kitchen) on the run
   * day -> recency 0, log_frequency ln 2, log_monetary ln 11, share_kitchen 1; not in the snapshot,
   * so age imputed 36 and flagged.
   */
  @Test
  void featureTableFillsNeutralDefaults() {
    FeatureTable table =
        UserFeatures.build(
            users(user("a", 1990, "f", "north"), user("b", null, null, null)),
            events(
                event("c", "p1", "purchase", 1, 10.0, "o1", "2026-03-10"),
                event(null, "p1", "purchase", 1, 10.0, "o2", "2026-03-10")),
            products(product("p1", "Kitchen", 10.0)),
            RUN_DAY,
            30,
            new SegmentSettings(6, 20, 30, 42, 8, 5));
    Map<String, Row> rows = byKey(table.rows(), "user_id");
    assertEquals(3, rows.size(), "known users: " + rows.keySet());
    assertFeature(row(rows, "a"), "recency_days", 30.0);
    assertFeature(row(rows, "a"), "log_frequency", 0.0);
    assertFeature(row(rows, "a"), "age_filled", 36.0);
    assertFeature(row(rows, "a"), "age_missing", 0.0);
    assertFeature(row(rows, "a"), "share_kitchen", 0.0);
    assertFeature(row(rows, "b"), "age_filled", 36.0);
    assertFeature(row(rows, "b"), "age_missing", 1.0);
    assertFeature(row(rows, "b"), "gender_f", 0.0);
    assertFeature(row(rows, "c"), "recency_days", 0.0);
    assertFeature(row(rows, "c"), "frequency", 1.0);
    assertFeature(row(rows, "c"), "log_frequency", Math.log(2));
    assertFeature(row(rows, "c"), "monetary", 10.0);
    assertFeature(row(rows, "c"), "log_monetary", Math.log(11));
    assertFeature(row(rows, "c"), "share_kitchen", 1.0);
    assertFeature(row(rows, "c"), "age_missing", 1.0);
    assertEquals(Map.of("share_kitchen", "kitchen"), table.categoryNames(), "category names");
  }

  private static void assertDemographics(
      Row r,
      Double age,
      double genderF,
      double genderOther,
      double regionNorthEast,
      double regionOther) {
    String user = r.getAs("user_id");
    if (age == null) {
      assertNull(r.getAs("age"), user + ": age");
    } else {
      assertEquals(age, (double) r.getAs("age"), 1e-9, user + ": age");
    }
    assertFeature(r, "gender_f", genderF);
    assertFeature(r, "gender_other", genderOther);
    assertFeature(r, "region_north_east", regionNorthEast);
    assertFeature(r, "region_other", regionOther);
  }

  private static void assertFeature(Row r, String column, double expected) {
    assertEquals(expected, (double) r.getAs(column), 1e-9, r.getAs("user_id") + ": " + column);
  }
}
