package com.comborec.generate;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planted structure shows in the generated CSV, measured with Spark from the files alone. */
class GeneratorStructureTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final StructType EVENTS =
      new StructType()
          .add("event_time", "string")
          .add("user_id", "string")
          .add("item_id", "string")
          .add("event_type", "string")
          .add("quantity", "string")
          .add("unit_price", "string")
          .add("order_id", "string");

  @TempDir static Path tmp;
  private static Path root;
  private static Dataset<Row> events;

  @BeforeAll
  static void generate() {
    root = tmp.resolve("set");
    LocalDate from = LocalDate.of(2026, 5, 1);
    Generator.run(
        SPARK,
        GeneratorSpec.defaults(root.toString(), from, from.plusDays(13))
            .withSeed(5)
            .withUsers(3_000)
            .withItems(400)
            .withEvents(140_000)
            .withEventsPerFile(20_000)
            .withMalformedFraction(0));
    events =
        SPARK
            .read()
            .option("header", true)
            .schema(EVENTS)
            .csv(root.resolve("events").toString())
            .withColumn("event_type", lower(col("event_type")))
            .cache();
  }

  private static Dataset<Row> csv(String relative) {
    return SPARK
        .read()
        .option("header", true)
        .option("multiLine", true)
        .option("escape", "\"")
        .csv(root.resolve(relative).toString());
  }

  @Test
  void plantedPairsAreBoughtTogetherFarAboveChance() {
    Dataset<Row> baskets =
        events
            .where(col("event_type").equalTo("purchase").and(col("order_id").isNotNull()))
            .select("order_id", "item_id")
            .distinct()
            .cache();
    long orders = baskets.select("order_id").distinct().count();
    Dataset<Row> itemOrders = baskets.groupBy("item_id").agg(count(lit(1)).as("n"));
    Dataset<Row> together =
        baskets
            .as("a")
            .join(baskets.as("b"), "order_id")
            .join(
                plantedPairs(),
                col("a.item_id").equalTo(col("x")).and(col("b.item_id").equalTo(col("y"))))
            .groupBy("x", "y")
            .agg(count(lit(1)).as("nxy"));
    List<Row> lifts =
        together
            .join(itemOrders.select(col("item_id").as("x"), col("n").as("nx")), "x")
            .join(itemOrders.select(col("item_id").as("y"), col("n").as("ny")), "y")
            .select(
                col("nxy"),
                col("nxy").multiply(orders).divide(col("nx").multiply(col("ny"))).as("lift"))
            .orderBy("lift")
            .collectAsList();
    long planted = plantedPairs().count();
    assertEquals(planted, lifts.size(), "planted pairs seen together in at least one order");
    // lift = P(x and y) / (P(x) P(y)); 1 is chance. Tail items bought mostly as a set give far
    // more.
    double median = lifts.get(lifts.size() / 2).getDouble(1);
    assertTrue(
        median > 20, "median lift of planted pairs is " + median + " over " + orders + " orders");
    assertTrue(
        lifts.get(lifts.size() / 2).getLong(0) >= 10, "median baskets of a planted pair: " + lifts);
    baskets.unpersist();
  }

  @Test
  void usersNeverBrowseTheirDislikedCategories() {
    Dataset<Row> tastes =
        csv("truth/user_tastes")
            .select(col("user_id"), split(col("disliked_tops"), " \\| ").as("disliked"));
    Dataset<Row> items = csv("truth/items.csv").select("item_id", "top_category");
    Row r =
        events
            .where(col("user_id").isNotNull())
            .join(tastes, "user_id")
            .join(items, "item_id")
            .agg(
                count(lit(1)).as("events"),
                sum(when(array_contains(col("disliked"), col("top_category")), 1).otherwise(0))
                    .as("disliked"))
            .first();
    assertTrue(r.getLong(0) > 50_000, "known users' events joined to tastes: " + r.getLong(0));
    assertEquals(0L, r.getLong(1), "events of users in a top category they dislike");
  }

  @Test
  void popularItemsDrawFarMoreViewsThanTheTail() {
    Dataset<Row> items =
        csv("truth/items.csv")
            .select(col("item_id"), col("popularity_rank").cast("int").as("rank"));
    Dataset<Row> views =
        events
            .where(col("event_type").equalTo("view"))
            .groupBy("item_id")
            .agg(count(lit(1)).as("views"));
    Row r =
        items
            .join(views, "item_id", "left")
            .na()
            .fill(0L)
            .agg(
                sum(when(col("rank").lt(40), col("views")).otherwise(0)).as("head"),
                sum(when(col("rank").geq(200), col("views")).otherwise(0)).as("tail"))
            .first();
    // Zipf: 40 head items (10%) against the 200 tail items (50%) of the catalog.
    double perHead = r.getLong(0) / 40.0;
    double perTail = r.getLong(1) / 200.0;
    assertTrue(
        perHead > 5 * perTail, "views per head item " + perHead + " vs per tail item " + perTail);
  }

  @Test
  void aRisingBreakRaisesItsCategoryShareOfPurchases() {
    Row rising =
        SPARK
            .read()
            .option("multiLine", true)
            .json(root.resolve("truth/market.json").toString())
            .selectExpr("explode(trend_breaks) as b")
            .where("b.direction = 'rising'")
            .select("b.category", "b.date")
            .first();
    String category = rising.getString(0);
    String breakDay = rising.getString(1);
    Dataset<Row> items = csv("truth/items.csv").select("item_id", "top_category");
    Row r =
        events
            .where(col("event_type").equalTo("purchase"))
            .join(items, "item_id")
            .withColumn(
                "after",
                substring(col("event_time"), 1, 10)
                    .geq(LocalDate.parse(breakDay).plusDays(3).toString()))
            .withColumn("mine", when(col("top_category").equalTo(category), 1).otherwise(0))
            .agg(
                sum(when(col("after"), col("mine")).otherwise(0)).as("mineAfter"),
                sum(when(col("after"), 1).otherwise(0)).as("allAfter"),
                sum(when(col("after").and(lit(true)).equalTo(false), col("mine")).otherwise(0))
                    .as("mineBefore"),
                sum(when(col("after").equalTo(false), 1).otherwise(0)).as("allBefore"))
            .first();
    double after = (double) r.getLong(0) / r.getLong(1);
    double before = (double) r.getLong(2) / r.getLong(3);
    assertTrue(
        after > 1.2 * before,
        category
            + " share of purchases before "
            + before
            + ", from "
            + breakDay
            + " + 3 days on "
            + after);
  }

  /** Every ordered pair within a planted set, from truth/combos.csv. */
  private static Dataset<Row> plantedPairs() {
    List<Row> pairs = new ArrayList<>();
    for (Row set : csv("truth/combos.csv").collectAsList()) {
      String[] ids = set.getString(set.fieldIndex("item_ids")).split(" ");
      for (String x : ids) {
        for (String y : ids) {
          if (!x.equals(y)) {
            pairs.add(RowFactory.create(x, y));
          }
        }
      }
    }
    return SPARK.createDataFrame(pairs, new StructType().add("x", "string").add("y", "string"));
  }
}
