package com.comborec.recommend;

import static com.comborec.recommend.Fixtures.frame;
import static com.comborec.recommend.Fixtures.lines;
import static com.comborec.recommend.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.contract.Schemas;
import com.comborec.model.Serving;
import com.comborec.store.WorkSchemas;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Known users, and who is eligible for a personal list versus which fallback the rest get. */
class FallbackTest {
  private static final StructType USER_IDS = new StructType().add("user_id", DataTypes.StringType);
  private static final StructType INTERACTIONS = WorkSchemas.INTERACTIONS;

  @Test
  void knownUsersComeFromSegmentsWhenTheyExist() {
    Dataset<Row> segments = frame(Schemas.SEGMENTS, row("u1", 3), row("u2", 5));
    Dataset<Row> users = frame(USER_IDS, row("u9"));
    assertEquals(
        List.of("u1|3", "u2|5"),
        lines(Fallback.knownUsers(segments, users, users), "user_id", "segment_id"),
        "segments define known users and their segment");
  }

  @Test
  void withoutSegmentsKnownUsersAreSnapshotPlusEventUsersInSegmentZero() {
    // snapshot u1, u2; events u2, u3 and a guest (null): u1, u2, u3 in segment 0.
    Dataset<Row> users = frame(USER_IDS, row("u1"), row("u2"));
    Dataset<Row> events = frame(USER_IDS, row("u2"), row("u3"), row((Object) null));
    assertEquals(
        List.of("u1|0", "u2|0", "u3|0"),
        lines(Fallback.knownUsers(null, users, events), "user_id", "segment_id"),
        "snapshot and event users, guests dropped");
  }

  /**
   * min-interactions 2. u1: items A, B -> eligible; u2: A twice (one distinct item) -> not; u3: A,
   * B, C but no ALS factors -> not; u4: no interactions -> not.
   */
  @Test
  void eligibleNeedsEnoughDistinctItemsAndAModelEntry() {
    Dataset<Row> known =
        frame(Schemas.SEGMENTS, row("u1", 1), row("u2", 1), row("u3", 2), row("u4", 2));
    Dataset<Row> interactions =
        frame(
            INTERACTIONS,
            row("u1", "A", 1.0),
            row("u1", "B", 1.0),
            row("u2", "A", 1.0),
            row("u2", "A", 2.0),
            row("u3", "A", 1.0),
            row("u3", "B", 1.0),
            row("u3", "C", 1.0));
    Dataset<Row> modelUsers = frame(USER_IDS, row("u1"), row("u2"), row("u4"));
    ModelInfo als = new ModelInfo(Serving.ALS, "v1");
    assertEquals(
        List.of(
            "u1|1|true|segment_popular",
            "u2|1|false|segment_popular",
            "u3|2|false|segment_popular",
            "u4|2|false|segment_popular"),
        lines(
            Fallback.strategies(
                known, interactions, modelUsers, als, true, Fixtures.settings(2, 10)),
            "user_id",
            "segment_id",
            "eligible",
            "fallback"),
        "als with segment popularity");
    // cooccurrence needs no model entry (modelUsers null): u3 becomes eligible; no segment
    // popularity.
    assertEquals(
        List.of(
            "u1|true|global_popular",
            "u2|false|global_popular",
            "u3|true|global_popular",
            "u4|false|global_popular"),
        lines(
            Fallback.strategies(
                known,
                interactions,
                null,
                new ModelInfo(Serving.COOCCURRENCE, "v1"),
                false,
                Fixtures.settings(2, 10)),
            "user_id",
            "eligible",
            "fallback"),
        "cooccurrence, global fallback");
  }

  @Test
  void popularServingMakesNobodyEligible() {
    Dataset<Row> known = frame(Schemas.SEGMENTS, row("u1", 0));
    Dataset<Row> interactions = frame(INTERACTIONS, row("u1", "A", 1.0), row("u1", "B", 1.0));
    assertEquals(
        List.of("u1|false|global_popular"),
        lines(
            Fallback.strategies(
                known,
                interactions,
                null,
                new ModelInfo(Serving.POPULAR, "v1"),
                false,
                Fixtures.settings(2, 10)),
            "user_id",
            "eligible",
            "fallback"),
        "popular serving");
  }
}
