package com.comborec.model.candidates;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A shared ranked list served per user, against hand-computed lists and the cross join. */
class SharedListTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final StructType PAIRS =
      new StructType().add("user_id", DataTypes.StringType).add("item_id", DataTypes.StringType);
  private static final StructType SCORES =
      new StructType().add("item_id", DataTypes.StringType).add("score", DataTypes.DoubleType);

  @Test
  void eachUserGetsTheListWithoutWhatTheyBought() {
    // list A 5, B 4, C 4, D 1; u1 bought A and C, u2 bought E (not listed), u3 nothing
    List<Row> ranked = List.of(score("A", 5), score("B", 4), score("C", 4), score("D", 1));
    Dataset<Row> bought = pairs("u1/A", "u1/C", "u2/E");
    Dataset<Row> users = pairs("u1/x", "u2/x", "u3/x", "u3/y").select("user_id");

    assertEquals(
        List.of("u1 B 4.0", "u1 D 1.0", "u2 A 5.0", "u2 B 4.0", "u3 A 5.0", "u3 B 4.0"),
        sorted(SharedList.perUser(ranked, users, bought, 2)));
  }

  @Test
  void sameRowsAsTheCrossJoinItReplaced() {
    Random random = new Random(11);
    List<Row> scores = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      scores.add(score(String.format("i%02d", i), random.nextInt(8))); // many ties, some 0
    }
    List<String> bought = new ArrayList<>();
    List<String> users = new ArrayList<>();
    for (int u = 0; u < 40; u++) {
      users.add("u" + u + "/x");
      for (int j = 0; j < random.nextInt(30); j++) {
        bought.add("u" + u + "/" + String.format("i%02d", random.nextInt(70)));
      }
    }
    Dataset<Row> itemScores = SPARK.createDataFrame(scores, SCORES);
    Dataset<Row> excluded = pairs(bought.toArray(String[]::new)).distinct();
    Dataset<Row> who = pairs(users.toArray(String[]::new)).select("user_id");
    List<Row> top =
        itemScores
            .filter(col("score").gt(0))
            .orderBy(col("score").desc(), col("item_id").asc())
            .limit(25)
            .collectAsList();

    assertEquals(
        sorted(crossJoin(itemScores, who, excluded, 25, 10)),
        sorted(SharedList.perUser(top, who, excluded, 10)));
  }

  /** The former Generators.global: every user x the list, purchases anti-joined, window cut. */
  private static Dataset<Row> crossJoin(
      Dataset<Row> itemScores, Dataset<Row> users, Dataset<Row> excluded, int listed, int depth) {
    Dataset<Row> top =
        itemScores
            .filter(col("score").gt(0))
            .orderBy(col("score").desc(), col("item_id").asc())
            .limit(listed);
    Dataset<Row> all =
        users.select("user_id").distinct().crossJoin(top).select("user_id", "item_id", "score");
    return TopItems.perUser(TopItems.exclude(all, excluded), depth).drop("rank");
  }

  /** "user item score" lines in order; duplicates kept, so a doubled row fails. */
  private static List<String> sorted(Dataset<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.collectAsList()
        .forEach(r -> out.add(r.getString(0) + " " + r.getString(1) + " " + r.getDouble(2)));
    out.sort(null);
    return out;
  }

  private static Row score(String item, double score) {
    return RowFactory.create(item, score);
  }

  private static Dataset<Row> pairs(String... userItems) {
    List<Row> rows = new ArrayList<>();
    for (String p : userItems) {
      String[] parts = p.split("/");
      rows.add(RowFactory.create(parts[0], parts[1]));
    }
    return SPARK.createDataFrame(rows, PAIRS);
  }
}
