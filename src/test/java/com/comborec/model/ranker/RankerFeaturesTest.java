package com.comborec.model.ranker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import com.comborec.model.candidates.Generator;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SortExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeExec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every feature of three candidate rows, computed by hand. Cutoff 2011-07-31; the window's events:
 *
 * <pre>
 *   u1  purchase A x2 at 3.00, order o1, 07-30;  purchase B x1 at 10.00, order o1, 07-30;  view C 07-01
 *   u2  purchase A x1 at 3.00, order o2, 07-10;  purchase C x3 at 2.00, order o3, 06-20
 *   --  (guest) purchase B, 07-29: not a known buyer
 * </pre>
 *
 * Catalog: A kitchen 3.00, B Garden 10.00, C no category 2.00, D kitchen 5.00; categories sorted:
 * garden 0, kitchen 1, uncategorized 2. Users: u1 UK born 1980, u2 FR, u3 UK: the home region is
 * UK.
 */
class RankerFeaturesTest {
  static final LocalDate CUTOFF = LocalDate.parse("2011-07-31");
  static final List<Generator> GENERATORS = List.of(Generator.EASE, Generator.POP7);

  static final StructType EVENTS =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("event_type", DataTypes.StringType)
          .add("quantity", DataTypes.IntegerType)
          .add("unit_price", DataTypes.DoubleType)
          .add("order_id", DataTypes.StringType)
          .add("dt", DataTypes.DateType);
  static final StructType CANDIDATES =
      new StructType()
          .add("generator", DataTypes.StringType)
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("score", DataTypes.DoubleType)
          .add("rank", DataTypes.IntegerType);
  static final StructType PRODUCTS =
      new StructType()
          .add("item_id", DataTypes.StringType)
          .add("price", DataTypes.DoubleType)
          .add("category", DataTypes.StringType);
  static final StructType USERS =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("birth_year", DataTypes.IntegerType)
          .add("region", DataTypes.StringType);
  static final StructType QTY =
      new StructType().add("item_id", DataTypes.StringType).add("score", DataTypes.DoubleType);

  static Row event(
      String user, String item, String type, int qty, double price, String order, String day) {
    return RowFactory.create(user, item, type, qty, price, order, Date.valueOf(day));
  }

  /** The inputs of {@link RankerFeatures#assemble} described above. */
  record Inputs(
      Dataset<Row> candidates,
      Dataset<Row> items,
      Dataset<Row> products,
      Dataset<Row> events,
      Dataset<Row> users) {
    Dataset<Row> assembled() {
      return RankerFeatures.assemble(
          candidates, GENERATORS, items, products, events, users, CUTOFF);
    }
  }

  static Inputs inputs() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> events =
        spark.createDataFrame(
            List.of(
                event("u1", "A", "purchase", 2, 3.0, "o1", "2011-07-30"),
                event("u1", "B", "purchase", 1, 10.0, "o1", "2011-07-30"),
                event("u1", "C", "view", 1, 2.0, null, "2011-07-01"),
                event("u2", "A", "purchase", 1, 3.0, "o2", "2011-07-10"),
                event("u2", "C", "purchase", 3, 2.0, "o3", "2011-06-20"),
                event(null, "B", "purchase", 1, 10.0, "o9", "2011-07-29")),
            EVENTS);
    Dataset<Row> candidates =
        spark.createDataFrame(
            List.of(
                RowFactory.create("ease", "u1", "C", 0.6, 1),
                RowFactory.create("ease", "u1", "D", 0.3, 2),
                RowFactory.create("pop7", "u1", "D", 5.0, 1),
                RowFactory.create("ease", "u2", "B", 0.8, 1)),
            CANDIDATES);
    Dataset<Row> products =
        spark.createDataFrame(
            List.of(
                RowFactory.create("A", 3.0, "kitchen"),
                RowFactory.create("B", 10.0, "Garden"),
                RowFactory.create("C", 2.0, null),
                RowFactory.create("D", 5.0, "kitchen")),
            PRODUCTS);
    Dataset<Row> users =
        spark.createDataFrame(
            List.of(
                RowFactory.create("u1", 1980, "UK"),
                RowFactory.create("u2", null, "FR"),
                RowFactory.create("u3", null, "UK")),
            USERS);
    Dataset<Row> qty =
        spark.createDataFrame(
            List.of(RowFactory.create("A", 4.0), RowFactory.create("B", 1.5)), QTY);
    Dataset<Row> items = RankerFeatures.itemStats(events, qty, CUTOFF);
    return new Inputs(candidates, items, products, events, users);
  }

  @Test
  void everyFeatureOfTheHandMadeFixture() {
    Inputs in = inputs();
    Dataset<Row> items = in.items();
    Map<String, Map<String, Double>> rows = new TreeMap<>();
    for (Row r : in.assembled().collectAsList()) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (String c : RankerFeatures.columns(GENERATORS)) {
        values.put(c, r.getDouble(r.fieldIndex(c)));
      }
      rows.put(r.getString(0) + "-" + r.getString(1), values);
    }
    assertEquals(List.of("u1-C", "u1-D", "u2-B"), List.copyOf(rows.keySet()));
    // u1-C: ease rank 1 (0.6, its own best: n 1.0), no pop7. C: bought by u2 on 06-20 only: no
    // recent buyers, trend (0+1)/(0/4+1) = 1, one buyer in the window, first sold 41 days before
    // the cutoff; no quantity popularity; 2.00, uncategorized (2). u1: last purchase 07-30 (1
    // day), first event 07-01 (30), one order, 2 x 3 + 1 x 10 = 16, two items; none uncategorized.
    assertEquals(
        features(
            0.6, 1, 1.0, -1, 1000, 0, 0, 0, 0, 1.0, 1, 41, 2.0, 2, 1, 30, 1, 16, 2, 0, 0, 1, 31),
        rows.get("u1-C"),
        "u1-C");
    // u1-D: ease rank 2 (0.3 / 0.6 = 0.5), pop7 rank 1 (5.0). D was never bought: defaults (age
    // 999); 5.00, kitchen (1); u1 bought one kitchen item (A) of two: share 0.5.
    assertEquals(
        features(
            0.3, 2, 0.5, 5.0, 1, 0, 0, 0, 0, 1.0, 0, 999, 5.0, 1, 1, 30, 1, 16, 2, 0.5, 1, 1, 31),
        rows.get("u1-D"),
        "u1-D");
    // u2-B: ease 0.8 rank 1. B: u1 on 07-30 (the guest does not count): pop7 = pop14 = pop30 = 1,
    // none in the 4 weeks before: trend (1+1)/(0+1) = 2; quantity popularity 1.5; first sold 07-30
    // (1 day); 10.00, garden (0). u2: last purchase 07-10 (21), first event 06-20 (41), orders o2
    // and o3, 3 + 6 = 9, two items, no garden item; FR (not home), no birth year.
    assertEquals(
        features(
            0.8, 1, 1.0, -1, 1000, 1, 1, 1, 1.5, 2.0, 1, 1, 10.0, 0, 21, 41, 2, 9, 2, 0, 0, 0, -1),
        rows.get("u2-B"),
        "u2-B");
    // And item A, which no row asks for: pop7 1 (u1), pop30 2, one buyer (u2 on 07-10) in the 4
    // weeks before: trend (1+1)/(1/4+1) = 1.6, age 21.
    Row a = items.filter("item_id = 'A'").first();
    assertEquals(1.6, a.getDouble(a.fieldIndex("trend")), 1e-9, "trend of A");
    assertEquals(2L, a.getLong(a.fieldIndex("pop30")), "pop30 of A");
    assertEquals(21, a.getInt(a.fieldIndex("item_age")), "age of A");
  }

  /**
   * The candidate rows are the only input that grows with users x depth (a billion at scale): the
   * plan may move them twice, once to bring a user's rows together for the fold (an aggregation on
   * user, which sorts only inside itself when a task holds many users) and once after it (the
   * fold's object rows carry no partitioning Spark can see), and no sort of its own. Joined one by
   * one on (user, category) and user keys, they moved twice more and every wide row was sorted for
   * each join.
   */
  @Test
  void theCandidateRowsMoveOnlyForTheFoldAndAreNotSortedForTheJoins() {
    // The static plan, with the exchanges and sorts the joins require (the adaptive one holds them
    // back until it runs), and no table broadcast unless asked: at scale the user side is too big.
    RuntimeConfig conf = TestSpark.session().conf();
    String adaptive = setReturningOld(conf, "spark.sql.adaptive.enabled", "false");
    String broadcast = setReturningOld(conf, "spark.sql.autoBroadcastJoinThreshold", "-1");
    SparkPlan plan;
    try {
      plan = inputs().assembled().queryExecution().executedPlan();
    } finally {
      restore(conf, "spark.sql.adaptive.enabled", adaptive);
      restore(conf, "spark.sql.autoBroadcastJoinThreshold", broadcast);
    }
    assertEquals(2, aboveCandidates(plan, ShuffleExchangeExec.class), plan.toString());
    assertEquals(0, aboveCandidates(plan, SortExec.class), plan.toString());
  }

  /** Sets {@code key} on the shared session; its earlier value, null when it had none. */
  static String setReturningOld(RuntimeConfig conf, String key, String value) {
    String old = conf.contains(key) ? conf.get(key) : null;
    conf.set(key, value);
    return old;
  }

  static void restore(RuntimeConfig conf, String key, String old) {
    if (old == null) {
      conf.unset(key);
    } else {
      conf.set(key, old);
    }
  }

  /**
   * Nodes of a kind on the path from {@code plan} down to the candidates' scan (their generator).
   */
  static int aboveCandidates(SparkPlan plan, Class<? extends SparkPlan> kind) {
    if (plan.children().isEmpty()) {
      boolean candidates =
          CollectionConverters.asJava(plan.output()).stream()
              .anyMatch(a -> a.name().equals("generator"));
      return candidates ? 0 : -1;
    }
    for (SparkPlan child : CollectionConverters.asJava(plan.children())) {
      int below = aboveCandidates(child, kind);
      if (below >= 0) {
        return below + (kind.isInstance(plan) ? 1 : 0);
      }
    }
    return -1;
  }

  /** The values in {@link RankerFeatures#columns} order for EASE and pop7. */
  static Map<String, Double> features(double... values) {
    List<String> names = RankerFeatures.columns(GENERATORS);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), values[i]);
    }
    return out;
  }
}
