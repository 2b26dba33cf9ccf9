package com.comborec.combos;

import static com.comborec.combos.CompanionsTest.allSellable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Every ordering on one anchor whose five companions each ordering ranks differently. */
class FbtOrderTest {
  /**
   * N = 100 baskets, P in n_P = 20 of them. Per companion b: n_b, n_Pb; confidence n_Pb / 20; lift
   * n_Pb * 100 / (20 n_b); E = 20 n_b / 100 = n_Pb / lift (expected together by chance).
   *
   * <pre>
   *      n_b n_Pb  conf  lift   shrunk m=5 (n_Pb+5)/(E+5)  conf x lift  conf - n_b/N
   *   Q   50   12  0.60  1.20   17 / 15.0 = 1.133          0.720        0.60 - 0.50 = 0.10
   *   R    4    3  0.15  3.75    8 /  5.8 = 1.379          0.5625       0.15 - 0.04 = 0.11
   *   S   10    6  0.30  3.00   11 /  7.0 = 1.571          0.900        0.30 - 0.10 = 0.20
   *   T    1    1  0.05  5.00    6 /  5.2 = 1.154          0.250        0.05 - 0.01 = 0.04
   *   U   25   10  0.50  2.00   15 / 10.0 = 1.500          1.000        0.50 - 0.25 = 0.25
   * </pre>
   */
  static Dataset<Row> stats() {
    return TestSpark.session()
        .createDataFrame(
            List.of(
                pair("Q", 12, 0.60, 1.20),
                pair("R", 3, 0.15, 3.75),
                pair("S", 6, 0.30, 3.00),
                pair("T", 1, 0.05, 5.00),
                pair("U", 10, 0.50, 2.00)),
            CompanionsTest.PAIR_STATS);
  }

  static Row pair(String other, long baskets, double confidence, double lift) {
    return RowFactory.create("P", other, baskets, confidence, lift);
  }

  /** ordering code -> P's list as "Q,U,...". */
  static Map<String, String> listsOfP(FbtSettings s, int k) {
    Dataset<Row> noFill = TestSpark.session().createDataFrame(List.of(), PopularCompanions.FILL);
    Row p =
        Companions.lists(
                stats(),
                noFill,
                allSellable("P", "Q", "R", "S", "T", "U"),
                FbtOrder.pairOrders(),
                k,
                s)
            .first();
    Map<String, String> out = new LinkedHashMap<>();
    for (FbtOrder order : FbtOrder.pairOrders()) {
      List<Row> list = p.getList(p.fieldIndex(order.code()));
      out.put(order.code(), String.join(",", list.stream().map(c -> c.getString(1)).toList()));
    }
    return out;
  }

  @Test
  void eachOrderingRanksByItsOwnScore() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("confidence", "Q,U,S,R,T");
    expected.put("lift", "T,R,S,U,Q");
    expected.put("shrunk_lift", "S,U,R,T,Q");
    expected.put("confidence_x_lift", "U,S,Q,R,T");
    expected.put("added_probability", "U,S,R,Q,T");
    assertEquals(expected, listsOfP(Fixtures.fbt(1, 0, 0, 0, 5, 50), 5), "P's companions");
  }

  @Test
  void topKCutsEachListAndAPriorOfZeroIsPlainLift() {
    FbtSettings noPrior = new FbtSettings(1, 0, 0, 0, 5, FbtSettings.AUTO, 0.0, false, 50, 28, 2);
    Map<String, String> top2 = listsOfP(noPrior, 2);
    assertEquals("Q,U", top2.get("confidence"), "confidence top 2");
    assertEquals("T,R", top2.get("shrunk_lift"), "m = 0: (n_Pb + 0) / (E + 0) = lift");
  }

  @Test
  void everyOrderingHasACodeThatReadsBack() {
    for (FbtOrder order : FbtOrder.values()) {
      assertEquals(order, FbtOrder.of(order.code()), order.code());
    }
    assertEquals(List.of(FbtOrder.POPULARITY), notPairOrders(), "only popularity scores no pairs");
  }

  private static List<FbtOrder> notPairOrders() {
    return List.of(FbtOrder.values()).stream().filter(o -> !o.scoresPairs()).toList();
  }
}
