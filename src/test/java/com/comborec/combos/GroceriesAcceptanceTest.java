package com.comborec.combos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acceptance: the classic Groceries data set (9835 baskets, 169 items) mined at support 0.006 and
 * confidence 0.25 gives the published pair rules (arules' apriori with one item on each side).
 */
class GroceriesAcceptanceTest {
  private static final Logger LOG = LoggerFactory.getLogger(GroceriesAcceptanceTest.class);
  static final Path GROCERIES = Path.of("/work/shared/datasets/groceries/groceries.csv");

  /** TEST adapter: line i becomes order g<i>, one purchase per (trimmed) item name. */
  static Dataset<Row> groceryEvents() throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(GROCERIES, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      for (String item : lines.get(i).split(",")) {
        if (!item.isBlank()) {
          rows.add(Fixtures.purchase("g" + (i + 1), item.trim()));
        }
      }
    }
    return Fixtures.events(rows);
  }

  @Test
  void minesTheKnownRules() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(GROCERIES), "groceries data set not present");
    FbtSettings s = Fixtures.fbt(1, 0.006, 0.25, 0.0, 10, 1000);
    Dataset<Row> events = groceryEvents();
    assertEquals(9835, FrequentlyBoughtTogether.baskets(events).count(), "baskets");
    List<Row> rules =
        FrequentlyBoughtTogether.pairStats(events, s)
            .orderBy(org.apache.spark.sql.functions.col("lift").desc())
            .collectAsList();
    Row top = rules.get(0);
    LOG.info(
        "groceries: {} pair rules; top by lift {} => {}: baskets {}, support {}, confidence {},"
            + " lift {}",
        rules.size(),
        top.getAs("item_id"),
        top.getAs("other_item_id"),
        top.getAs("baskets"),
        top.getAs("support"),
        top.getAs("confidence"),
        top.getAs("lift"));
    assertEquals(150, rules.size(), "ordered pair rules at support 0.006, confidence 0.25");
    assertEquals("herbs", top.getAs("item_id"), "top rule lhs");
    assertEquals("root vegetables", top.getAs("other_item_id"), "top rule rhs");
    assertEquals(69L, top.<Long>getAs("baskets"), "top rule baskets");
    assertEquals(0.007016, top.<Double>getAs("support"), 1e-6, "top rule support");
    assertEquals(0.431250, top.<Double>getAs("confidence"), 1e-6, "top rule confidence");
    assertEquals(3.956477, top.<Double>getAs("lift"), 1e-6, "top rule lift");
  }
}
