package com.comborec.responsible;

import static com.comborec.Rows.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.contract.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Spark wrapper: candidates arrays in, contract items arrays out, other columns untouched. */
class DiversifyListsTest {
  static final StructType LISTS =
      new StructType()
          .add("user_id", DataTypes.StringType, false)
          .add("candidates", DataTypes.createArrayType(DiversifyLists.CANDIDATE, false), true)
          .add("segment_id", DataTypes.IntegerType, false);
  static final StructType SIMILAR =
      new StructType()
          .add("item_id", DataTypes.StringType, false)
          .add("other_item_id", DataTypes.StringType, false)
          .add("similarity", DataTypes.DoubleType, false);

  /** u1: the four candidates of the hand MMR example; u2: no candidates (null). */
  static Dataset<Row> lists() {
    List<Row> four = new ArrayList<>();
    for (Candidate c : DiversifyTest.FOUR) {
      four.add(
          RowFactory.create(c.itemId(), c.score(), c.category(), c.reason(), c.becauseItemId()));
    }
    return frame(LISTS, RowFactory.create("u1", four, 7), RowFactory.create("u2", null, 8));
  }

  /** Cap 1 in relevance order: a (kitchen), b skipped (kitchen), c (garden), d (toys). */
  @Test
  void capOneKeepsOneItemPerCategoryAndTheOtherColumns() {
    Dataset<Row> out =
        DiversifyLists.rerank(
            lists(),
            "candidates",
            3,
            new Diversify(new ResponsibleSettings(1, 1.0, 0.0), ItemSimilarity.none(), Map.of()));
    assertEquals(
        List.of("user_id", "items", "segment_id"), List.of(out.columns()), "columns in place");
    assertTrue(
        Schemas.mismatches(
                Schemas.RECOMMENDATION_ITEM,
                (StructType)
                    ((org.apache.spark.sql.types.ArrayType) out.schema().apply("items").dataType())
                        .elementType())
            .isEmpty(),
        "items struct " + out.schema().simpleString());
    Map<String, Row> byUser = byUser(out);
    List<Row> u1 = byUser.get("u1").getList(1);
    assertEquals(
        List.of("1 a 1.0 personal null", "2 c 0.5 similar_to x2", "3 d 0.0 personal null"),
        render(u1),
        "u1 items");
    assertEquals(7, byUser.get("u1").getInt(2), "u1 segment_id passes through");
    assertEquals(List.of(), byUser.get("u2").getList(1), "u2: null candidates give an empty list");
  }

  /**
   * MMR lambda 0.5 with the similarities read from a `similar` frame: a, c, b as in the hand
   * example.
   */
  @Test
  void mmrFromTheSimilarDatasetMatchesTheHandExample() {
    Dataset<Row> similar =
        frame(
            SIMILAR,
            RowFactory.create("a", "b", 0.9),
            RowFactory.create("a", "c", 0.1),
            RowFactory.create("c", "b", 0.2),
            RowFactory.create("b", "d", 0.1),
            RowFactory.create("d", "c", 0.3));
    Diversify d = DiversifyLists.prepare(new ResponsibleSettings(0, 0.5, 0.0), similar, null);
    List<Row> u1 = byUser(DiversifyLists.rerank(lists(), "candidates", 3, d)).get("u1").getList(1);
    assertEquals(
        List.of("1 a 1.0 personal null", "2 c 0.5 similar_to x2", "3 b 0.9 bought_with x1"),
        render(u1),
        "u1 items");
  }

  @Test
  void aCandidateStructWithoutScoreIsRefusedByName() {
    StructType bad =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add(
                "candidates",
                DataTypes.createArrayType(
                    new StructType()
                        .add("item_id", DataTypes.StringType)
                        .add("reason", DataTypes.StringType)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DiversifyLists.rerank(frame(bad), "candidates", 3, Diversify.off()));
    assertTrue(e.getMessage().contains("score double"), e.getMessage());
  }

  private static Map<String, Row> byUser(Dataset<Row> out) {
    Map<String, Row> m = new TreeMap<>();
    out.collectAsList().forEach(r -> m.put(r.getString(0), r));
    return m;
  }

  private static List<String> render(List<Row> items) {
    return items.stream()
        .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3) + " " + r.get(4))
        .toList();
  }
}
