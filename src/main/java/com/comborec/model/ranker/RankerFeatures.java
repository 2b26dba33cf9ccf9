package com.comborec.model.ranker;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import com.comborec.model.candidates.Generator;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row per (user, candidate item) at a cutoff, with what the ranker learns from: each
 * generator's score and rank for the pair, the item's recent popularity, trend, age, price and
 * category, and the user's recency, frequency, spend, history and taste for the item's category.
 * Everything is computed from data up to the cutoff. Pure Dataset transforms; the stage does IO.
 */
public final class RankerFeatures {
  /** A generator that did not propose the pair: its score and rank take these values. */
  static final double NO_SCORE = -1;

  static final int NO_RANK = 1000;

  /** Days, for an item never bought or a user never seen in the window. */
  static final int NEVER = 999;

  private RankerFeatures() {}

  /** The generators' columns, then the item's, then the user's: the model's input order. */
  public static List<String> columns(List<Generator> generators) {
    List<String> out = new ArrayList<>();
    for (Generator g : generators) {
      out.add("s_" + g.code());
      out.add("r_" + g.code());
      if (g.personal()) {
        out.add("n_" + g.code());
      }
    }
    out.addAll(
        List.of(
            "pop7",
            "pop14",
            "pop30",
            "qtypop30",
            "trend",
            "buyers180",
            "item_age",
            "price",
            "cat_code"));
    out.addAll(
        List.of(
            "u_recency",
            "u_tenure",
            "u_frequency",
            "u_monetary",
            "u_history",
            "u_cat_share",
            "u_cat_count",
            "u_home",
            "u_age"));
    return out;
  }

  /**
   * The feature rows of the candidates.
   *
   * @param candidates (generator, user_id, item_id, score, rank) of the generators' lists
   * @param items (item_id, pop7, pop14, pop30, qtypop30, trend, buyers180, item_age) see {@link
   *     #itemStats}
   * @param products the catalog snapshot in force (item_id, price, category)
   * @param events the window's validated events up to the cutoff, at least those of the candidates'
   *     users
   * @param users the users snapshot in force (user_id, birth_year, region), may be empty
   */
  public static Dataset<Row> assemble(
      Dataset<Row> candidates,
      List<Generator> generators,
      Dataset<Row> items,
      Dataset<Row> products,
      Dataset<Row> events,
      Dataset<Row> users,
      LocalDate cutoff) {
    Dataset<Row> catalog = catalog(products);
    // The candidate rows (hundreds per user, a billion at scale) are the one input that grows with
    // users x depth, and they are wide after the fold: every join must leave them where they are.
    // Everything about the user is one table keyed by user alone, hash-joined (no sort of the wide
    // rows, which spilled gigabytes at 20M), and the item side is broadcast. Joined one by one,
    // the (user, category) key of the category counts and the user key after it cost two more
    // shuffles and sorts of every wide row.
    Dataset<Row> rows =
        byGenerator(candidates, generators)
            .join(
                userSide(events, catalog, users, cutoff).hint("shuffle_hash"),
                new String[] {"user_id"},
                "left")
            .join(broadcast(itemSide(items, catalog)), new String[] {"item_id"}, "left")
            .withColumn(
                "u_cat_count",
                when(
                    col("category").isNotNull(),
                    try_element_at(col("u_cat_counts"), col("category"))));
    return rows.select(finalColumns(generators));
  }

  /**
   * One row per item known to either side: the window's figures ({@link #itemStats}) and the
   * catalog's price and category. Both are keyed by item; the outer join keeps an item that only
   * one of them knows, as the two left joins it replaces did.
   */
  static Dataset<Row> itemSide(Dataset<Row> items, Dataset<Row> catalog) {
    return items.join(catalog, new String[] {"item_id"}, "full");
  }

  /**
   * One row per user known to the window's events or the users snapshot: {@link #userStats}, the
   * distinct items bought per category as a map ({@code u_cat_counts}), and {@link #userProfile}.
   */
  static Dataset<Row> userSide(
      Dataset<Row> events, Dataset<Row> catalog, Dataset<Row> users, LocalDate cutoff) {
    Dataset<Row> categories =
        categoryCounts(events, catalog)
            .groupBy("user_id")
            .agg(
                map_from_entries(collect_list(struct(col("category"), col("u_cat_count"))))
                    .as("u_cat_counts"));
    return userStats(events, cutoff)
        .join(categories, new String[] {"user_id"}, "left")
        .join(userProfile(users, cutoff), new String[] {"user_id"}, "full");
  }

  /**
   * One row per (user, item): s_g and r_g of every generator, n_g = score / user's best of g. A
   * user's rows are gathered by an aggregation on user, then folded in one pass ({@link
   * GeneratorFold}). Not by a repartition and a sort: over the union of per-user lists Spark 4.1
   * drops such a repartition as redundant, while adaptive execution coalesces each list's
   * partitions on its own, so a user's rows sat in several partitions and each folded its own row
   * for a pair (at 20M, 28,140,950 served rows held 9,157,432 distinct pairs). An aggregation
   * states the clustering it needs, and Spark keeps it whatever the coalescing does.
   */
  static Dataset<Row> byGenerator(Dataset<Row> candidates, List<Generator> generators) {
    Column[] fields = {
      col("generator"),
      col("user_id"),
      col("item_id"),
      col("score").cast("double").as("score"),
      col("rank").cast("int").as("rank")
    };
    return candidates
        .groupBy("user_id")
        .agg(collect_list(struct(fields)).as("rows"))
        .select(explode(col("rows")).as("row"))
        .select("row.*")
        .mapPartitions(
            new GeneratorFold(generators), Encoders.row(GeneratorFold.schema(generators)));
  }

  /**
   * Item figures from the window up to the cutoff (buyers are distinct known customers). Counted
   * from one row per (item, buyer) with the buyer's first and last purchase day, not with one
   * distinct count per window: Spark would copy every purchase once per distinct count.
   */
  public static Dataset<Row> itemStats(
      Dataset<Row> events, Dataset<Row> qtyPopularity, LocalDate cutoff) {
    Column day = col("dt");
    Dataset<Row> buyers =
        events
            .filter(col("event_type").equalTo("purchase").and(col("user_id").isNotNull()))
            .groupBy("item_id", "user_id")
            .agg(
                max(day).as("last"),
                min(day).as("first"),
                max(when(day.gt(lit(date(cutoff, 35))).and(day.leq(lit(date(cutoff, 7)))), 1))
                    .as("before"));
    Column last = col("last");
    return buyers
        .groupBy("item_id")
        .agg(
            count(when(last.gt(lit(date(cutoff, 7))), 1)).as("pop7"),
            count(when(last.gt(lit(date(cutoff, 14))), 1)).as("pop14"),
            count(when(last.gt(lit(date(cutoff, 30))), 1)).as("pop30"),
            count(col("before")).as("before4w"),
            count(lit(1)).as("buyers180"),
            datediff(lit(Date.valueOf(cutoff)), min(col("first"))).as("item_age"))
        .withColumn("trend", col("pop7").plus(1).divide(col("before4w").divide(4).plus(1)))
        .drop("before4w")
        .join(
            qtyPopularity.select(col("item_id"), col("score").as("qtypop30")),
            new String[] {"item_id"},
            "left");
  }

  /** (item_id, price, category, cat_code): cat_code numbers the sorted category names. */
  static Dataset<Row> catalog(Dataset<Row> products) {
    Dataset<Row> named =
        products.select(
            col("item_id"),
            col("price"),
            coalesce(lower(col("category")), lit("uncategorized")).as("category"));
    // Numbered on the driver: a catalog has few categories, and a window without a partition
    // would pull every product into one task.
    List<String> names =
        named.select("category").distinct().orderBy("category").collectAsList().stream()
            .map(r -> r.getString(0))
            .toList();
    List<Row> codes = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      codes.add(RowFactory.create(names.get(i), i));
    }
    StructType schema =
        new StructType()
            .add("category", DataTypes.StringType, false)
            .add("cat_code", DataTypes.IntegerType, false);
    return named.join(
        broadcast(products.sparkSession().createDataFrame(codes, schema)), "category");
  }

  /** Recency, tenure, frequency (orders), spend and history (distinct items) per known user. */
  static Dataset<Row> userStats(Dataset<Row> events, LocalDate cutoff) {
    Column purchase = col("event_type").equalTo("purchase");
    Column end = lit(Date.valueOf(cutoff));
    return events
        .filter(col("user_id").isNotNull())
        .groupBy("user_id")
        .agg(
            datediff(end, max(when(purchase, col("dt")))).as("u_recency"),
            datediff(end, min(col("dt"))).as("u_tenure"),
            countDistinct(when(purchase, coalesce(col("order_id"), col("dt").cast("string"))))
                .as("u_frequency"),
            sum(when(
                    purchase,
                    coalesce(col("quantity"), lit(1))
                        .multiply(coalesce(col("unit_price"), lit(0.0)))))
                .as("u_monetary"),
            countDistinct(when(purchase, col("item_id"))).as("u_history"));
  }

  /** (user_id, category, u_cat_count): the user's distinct purchased items per category. */
  static Dataset<Row> categoryCounts(Dataset<Row> events, Dataset<Row> catalog) {
    return events
        .filter(col("event_type").equalTo("purchase").and(col("user_id").isNotNull()))
        .select("user_id", "item_id")
        .distinct()
        .join(catalog.select("item_id", "category"), "item_id")
        .groupBy("user_id", "category")
        .agg(count("*").as("u_cat_count"));
  }

  /**
   * (user_id, u_home, u_age): whether the user's region is the most common region (the shop's home
   * market; ties by name), and age in the cutoff's year (-1 unknown).
   */
  static Dataset<Row> userProfile(Dataset<Row> users, LocalDate cutoff) {
    Dataset<Row> home =
        users
            .filter(col("region").isNotNull())
            .groupBy("region")
            .agg(count("*").as("n"))
            .orderBy(col("n").desc(), col("region"))
            .limit(1)
            .select(col("region").as("home"));
    return users
        .join(home, col("region").equalTo(col("home")), "left")
        .select(
            col("user_id"),
            when(col("home").isNotNull(), 1).otherwise(0).as("u_home"),
            coalesce(lit(cutoff.getYear()).minus(col("birth_year")), lit(-1)).as("u_age"));
  }

  private static Column[] finalColumns(List<Generator> generators) {
    List<Column> out = new ArrayList<>(List.of(col("user_id"), col("item_id")));
    for (Generator g : generators) {
      out.add(coalesce(col("s_" + g.code()), lit(NO_SCORE)).cast("double").as("s_" + g.code()));
      out.add(coalesce(col("r_" + g.code()), lit(NO_RANK)).cast("double").as("r_" + g.code()));
      if (g.personal()) {
        out.add(coalesce(col("n_" + g.code()), lit(NO_SCORE)).cast("double").as("n_" + g.code()));
      }
    }
    for (String c : List.of("pop7", "pop14", "pop30", "qtypop30", "buyers180")) {
      out.add(coalesce(col(c), lit(0)).cast("double").as(c));
    }
    out.add(coalesce(col("trend"), lit(1.0)).cast("double").as("trend"));
    out.add(coalesce(col("item_age"), lit(NEVER)).cast("double").as("item_age"));
    out.add(coalesce(col("price"), lit(-1.0)).cast("double").as("price"));
    out.add(coalesce(col("cat_code"), lit(-1)).cast("double").as("cat_code"));
    out.add(coalesce(col("u_recency"), lit(NEVER)).cast("double").as("u_recency"));
    out.add(coalesce(col("u_tenure"), lit(0)).cast("double").as("u_tenure"));
    for (String c : List.of("u_frequency", "u_monetary", "u_history", "u_cat_count")) {
      out.add(coalesce(col(c), lit(0)).cast("double").as(c));
    }
    out.add(
        when(col("u_history").gt(0), coalesce(col("u_cat_count"), lit(0)).divide(col("u_history")))
            .otherwise(0.0)
            .as("u_cat_share"));
    out.add(coalesce(col("u_home"), lit(0)).cast("double").as("u_home"));
    out.add(coalesce(col("u_age"), lit(-1)).cast("double").as("u_age"));
    return out.toArray(Column[]::new);
  }

  private static Date date(LocalDate cutoff, int daysBack) {
    return Date.valueOf(cutoff.minusDays(daysBack));
  }
}
