package com.comborec.recommend;

import static com.comborec.recommend.Fixtures.frame;
import static com.comborec.recommend.Fixtures.lines;
import static com.comborec.recommend.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.contract.Schemas;
import com.comborec.scoring.TopN;
import com.comborec.store.WorkSchemas;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Reason assignment of personal candidates (blend, ALS) and the popularity fill. */
class CandidatesTest {

  /**
   * weight 0.6, depth 2. ALS u1: P 3.0, Q 2.0, R 1.0 -> top 2 P, Q -> min-max P 1, Q 0. Cooc u1: Q
   * 0.8 (bought_with A), S 0.2 (similar_to B) -> Q 1, S 0. P = 0.6*1 = 0.6 personal; Q = 0.6*0 +
   * 0.4*1 = 0.4 from cooc -> bought_with A; S = 0 + 0 = 0, a tie of 0 and 0 -> personal.
   */
  @Test
  void topNRowsBecomePersonalCandidatesInStringIds() {
    Dataset<Row> topN =
        frame(
            TopN.OUTPUT, row(7, List.of(RowFactory.create(3, 0.5f), RowFactory.create(4, 0.25f))));
    Dataset<Row> users = frame(WorkSchemas.USER_INDEX, row("u7", 7));
    Dataset<Row> items = frame(WorkSchemas.ITEM_INDEX, row("I3", 3), row("I4", 4));
    assertEquals(
        List.of("u7|I3|0.5|personal|null", "u7|I4|0.25|personal|null"),
        lines(
            PersonalCandidates.fromTopN(topN, users, items),
            "user_id",
            "item_id",
            "score",
            "reason",
            "because_item_id"),
        "ALS candidates");
  }

  /**
   * pool 2. Segment 1's best: B 9, A 5 (C 1 cut); global: A 10, C 8 (B 2 cut). u1 (segment 1) gets
   * B, A at priority 1 and A, C at priority 2; u2 (segment 2, no segment popularity) only the
   * global A, C.
   */
  @Test
  void fillOffersSegmentThenGlobalPools() {
    Dataset<Row> users = frame(Schemas.SEGMENTS, row("u1", 1), row("u2", 2));
    Dataset<Row> bySegment =
        frame(WorkSchemas.SEGMENT_POPULARITY, row(1, "A", 5.0), row(1, "B", 9.0), row(1, "C", 1.0));
    Dataset<Row> global =
        frame(WorkSchemas.POPULARITY, row("A", 10.0), row("B", 2.0), row("C", 8.0));
    assertEquals(
        List.of(
            "u1|A|10.0|2", "u1|A|5.0|1", "u1|B|9.0|1", "u1|C|8.0|2", "u2|A|10.0|2", "u2|C|8.0|2"),
        lines(
            PopularityFill.candidates(users, bySegment, global, 2),
            "user_id",
            "item_id",
            "score",
            "priority"),
        "fill with segments");
    assertEquals(
        List.of("u1|A|popular_in_segment", "u1|C|popular_in_segment"),
        lines(
            PopularityFill.candidates(users, null, global, 2).filter("user_id = 'u1'"),
            "user_id",
            "item_id",
            "reason"),
        "fill without segment popularity");
  }
}
