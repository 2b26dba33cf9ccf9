package com.comborec.metrics;

import static com.comborec.Rows.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.contract.Schemas;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Per-segment accuracy means and the worst-to-best spread. */
class SegmentBreakdownTest {
  static final StructType PER_USER =
      new StructType()
          .add("user_id", DataTypes.StringType, false)
          .add("segment_id", DataTypes.IntegerType, false)
          .add("ndcg", DataTypes.DoubleType, false)
          .add("precision", DataTypes.DoubleType, false)
          .add("recall", DataTypes.DoubleType, false);

  /**
   * Segment 1 (a, b): ndcg (0.4 + 0.2)/2 = 0.3, precision 0.15, recall 0.5. Segment 2 (c, d): ndcg
   * (0.1 + 0.05)/2 = 0.075, precision 0.05, recall 0.25. Segment 3 (e alone): ndcg 0, reported but
   * left out of the spread (min users 2). Spread of ndcg: worst 0.075, best 0.3, range 0.225, ratio
   * 0.25.
   */
  @Test
  void meansPerSegmentAndSpread() {
    Map<String, Double> f =
        SegmentBreakdown.figures(
            frame(
                PER_USER,
                RowFactory.create("a", 1, 0.4, 0.2, 0.5),
                RowFactory.create("b", 1, 0.2, 0.1, 0.5),
                RowFactory.create("c", 2, 0.1, 0.1, 0.5),
                RowFactory.create("d", 2, 0.05, 0.0, 0.0),
                RowFactory.create("e", 3, 0.0, 0.0, 0.0)),
            2);
    assertFigure(f, 0.3, "segments.1.ndcg");
    assertFigure(f, 0.15, "segments.1.precision");
    assertFigure(f, 0.5, "segments.1.recall");
    assertFigure(f, 2.0, "segments.1.users");
    assertFigure(f, 0.075, "segments.2.ndcg");
    assertFigure(f, 0.0, "segments.3.ndcg");
    assertFigure(f, 1.0, "segments.3.users");
    assertFigure(f, 0.075, "spread.ndcg.worst");
    assertFigure(f, 0.3, "spread.ndcg.best");
    assertFigure(f, 0.225, "spread.ndcg.range");
    assertFigure(f, 0.25, "spread.ndcg.ratio");
    assertFigure(f, 0.5, "spread.recall.ratio");
  }

  /**
   * K = 2. u1 [a b] vs {a}: NDCG 1, P 1/2, R 1. u2 [a b] vs {b c}: DCG 1/log2(3) = 0.6309, ideal 1
   * + 0.6309, NDCG 0.3869, P 1/2, R 1/2. u3 no list vs {a}: all 0. Segments u1, u2 -> 1, u3 -> 2;
   * u4 (no segment) [a] vs {a}: segment -1, NDCG 1.
   */
  @Test
  void perUserMetricsFollowTheModelsArithmetic() {
    StructType lists =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("items", DataTypes.createArrayType(DataTypes.StringType));
    StructType relevant =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("relevant", DataTypes.createArrayType(DataTypes.StringType));
    Map<String, Row> rows = new TreeMap<>();
    SegmentBreakdown.perUser(
            frame(
                lists,
                RowFactory.create("u1", List.of("a", "b")),
                RowFactory.create("u2", List.of("a", "b")),
                RowFactory.create("u4", List.of("a"))),
            frame(
                relevant,
                RowFactory.create("u1", List.of("a")),
                RowFactory.create("u2", List.of("b", "c")),
                RowFactory.create("u3", List.of("a")),
                RowFactory.create("u4", List.of("a"))),
            frame(
                Schemas.SEGMENTS,
                RowFactory.create("u1", 1),
                RowFactory.create("u2", 1),
                RowFactory.create("u3", 2)),
            2)
        .collectAsList()
        .forEach(r -> rows.put(r.getString(0), r));
    double dcg = 1 / (Math.log(3) / Math.log(2));
    assertEquals("u1 1 1.0 0.5 1.0", render(rows.get("u1")), "u1");
    assertEquals(dcg / (1 + dcg), rows.get("u2").getDouble(2), 1e-12, "u2 ndcg");
    assertEquals("u3 2 0.0 0.0 0.0", render(rows.get("u3")), "u3 without a list");
    assertEquals("u4 -1 1.0 0.5 1.0", render(rows.get("u4")), "u4 in no segment");
  }

  private static String render(Row r) {
    return r.getString(0)
        + " "
        + r.getInt(1)
        + " "
        + r.getDouble(2)
        + " "
        + r.getDouble(3)
        + " "
        + r.getDouble(4);
  }

  private static void assertFigure(Map<String, Double> f, double expected, String name) {
    String key = "responsible.accuracy." + name;
    assertEquals(expected, f.getOrDefault(key, Double.NaN), 1e-12, key + " in " + f.keySet());
  }
}
