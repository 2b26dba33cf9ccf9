package com.comborec.combos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.DuckDb;
import com.comborec.TestSpark;
import com.comborec.cli.Main;
import com.comborec.generate.Generator;
import com.comborec.generate.GeneratorSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall@5 of the generator's planted complementary sets in the published frequently bought
 * together: the share of planted pairs {a, b} (every pair within a planted pair or triple) where b
 * is among a's first 5 companions or a among b's. Measured on a small generated set after the
 * ingest and combos stages of its last day.
 */
class PlantedPairsRecallTest {
  static final LocalDate FROM = LocalDate.of(2026, 5, 1);
  static final LocalDate DAY = FROM.plusDays(27);

  /**
   * Planted pairs buy together far above chance, so most should lead their items' lists; 19 of 19
   * were found when this was written, so 0.8 leaves room for a different ranking without hiding a
   * real loss.
   */
  static final double FLOOR = 0.8;

  @TempDir Path tmp;

  @Test
  void plantedPairsAreAmongTheFirstFiveCompanions() {
    Path in = tmp.resolve("in");
    Path out = tmp.resolve("out");
    // 1,000 items plant 10 pairs and 3 triples: 10 + 3 x 3 = 19 pairs to find.
    Generator.run(
        TestSpark.session(),
        GeneratorSpec.defaults(in.toString(), FROM, DAY)
            .withSeed(5)
            .withUsers(3_000)
            .withItems(1_000)
            .withEvents(150_000)
            .withEventsPerFile(50_000)
            .withMalformedFraction(0));
    assertEquals(0, run("ingest", in, out), "run ingest");
    assertEquals(0, run("combos", in, out), "run combos");
    try (DuckDb db = new DuckDb()) {
      Map<String, Object> r = db.query(recallSql(in, out)).get(0);
      long pairs = ((Number) r.get("pairs")).longValue();
      long hits = ((Number) r.get("hits")).longValue();
      double recall = (double) hits / pairs;
      System.out.printf(
          "[PlantedPairsRecallTest] recall@5 of planted pairs: %d / %d = %.3f%n",
          hits, pairs, recall);
      assertEquals(19, pairs, "planted pairs in truth/combos.csv");
      assertTrue(
          recall >= FLOOR,
          "recall@5 " + hits + " / " + pairs + " = " + recall + " is below " + FLOOR);
    }
  }

  static int run(String stage, Path in, Path out) {
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new PrintWriter(err, true),
            "run",
            stage,
            "--date",
            DAY.toString(),
            "--set",
            "input=\"" + in + "\"",
            "--set",
            "output=\"" + out + "\"");
    if (code != 0) {
      System.err.println(err);
    }
    return code;
  }

  /** Unordered planted pairs from truth/combos.csv, left-joined to the first-5 companion pairs. */
  static String recallSql(Path in, Path out) {
    return "WITH members AS (SELECT set_id, unnest(string_split(item_ids, ' ')) AS item FROM"
        + " read_csv('"
        + in
        + "/truth/combos.csv', header = true, all_varchar = true)), pairs AS (SELECT DISTINCT"
        + " a.item AS a, b.item AS b FROM members a JOIN members b ON a.set_id = b.set_id AND"
        + " a.item < b.item), top5 AS (SELECT DISTINCT least(item_id, c.item_id) AS a,"
        + " greatest(item_id, c.item_id) AS b FROM (SELECT item_id, unnest(companions) AS c FROM"
        + " read_parquet('"
        + out
        + "/frequently_bought_together/dt="
        + DAY
        + "/*.parquet')) WHERE c.rank <= 5) SELECT count(*) AS pairs, count(t.a) AS hits FROM pairs"
        + " p LEFT JOIN top5 t ON p.a = t.a AND p.b = t.b";
  }
}
