package com.comborec.combos;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Popularity companions, the baseline every ordering must beat and the filler of short lists: the
 * sellable items in most baskets, the anchor excluded, each with its real pair figures.
 */
public final class PopularCompanions {
  /** item_id, other_item_id, baskets, confidence, lift, pop_rank (1 = most popular). */
  static final StructType FILL =
      new StructType()
          .add("item_id", DataTypes.StringType)
          .add("other_item_id", DataTypes.StringType)
          .add("baskets", DataTypes.LongType)
          .add("confidence", DataTypes.DoubleType)
          .add("lift", DataTypes.DoubleType)
          .add("pop_rank", DataTypes.IntegerType);

  private PopularCompanions() {}

  /** The n sellable items in most baskets, most first (ties: item id); collected, n is small. */
  public static List<String> top(Dataset<Row> baskets, Dataset<Row> products, int n) {
    Dataset<Row> listable = Companions.sellable(products).select("item_id");
    return FrequentlyBoughtTogether.itemCounts(baskets)
        .join(listable, "item_id")
        .orderBy(col("item_baskets").desc(), col("item_id"))
        .limit(n)
        .collectAsList()
        .stream()
        .map(r -> r.<String>getAs("item_id"))
        .toList();
  }

  /**
   * Every item of the baskets paired with each popular item other than itself, with the pair's
   * baskets, confidence and lift as {@link FrequentlyBoughtTogether#pairStatsOfBaskets} defines
   * them (0 when never bought together), and the popular item's rank.
   */
  public static Dataset<Row> fill(Dataset<Row> baskets, List<String> popular) {
    if (popular.isEmpty()) {
      return baskets.sparkSession().createDataFrame(List.of(), FILL);
    }
    Dataset<Row> items = FrequentlyBoughtTogether.itemCounts(baskets);
    Dataset<Row> popularItems =
        ranks(baskets, popular)
            .join(
                items.select(
                    col("item_id").as("other_item_id"), col("item_baskets").as("other_baskets")),
                "other_item_id");
    Dataset<Row> total = baskets.agg(count(lit(1)).cast("double").as("n"));
    return items
        .crossJoin(broadcast(popularItems))
        .crossJoin(broadcast(total))
        .filter(col("item_id").notEqual(col("other_item_id")))
        .join(together(baskets, popular), new String[] {"item_id", "other_item_id"}, "left")
        .na()
        .fill(0L, new String[] {"baskets"})
        .select(
            col("item_id"),
            col("other_item_id"),
            col("baskets"),
            col("baskets").divide(col("item_baskets")).as("confidence"),
            col("baskets")
                .multiply(col("n"))
                .divide(col("item_baskets").cast("double").multiply(col("other_baskets")))
                .as("lift"),
            col("pop_rank"));
  }

  /** (item_id, other_item_id, baskets) for baskets holding the item and a popular other item. */
  private static Dataset<Row> together(Dataset<Row> baskets, List<String> popular) {
    Column popularSet = array(popular.stream().map(functions::lit).toArray(Column[]::new));
    return baskets
        .select(
            explode(col("items")).as("item_id"),
            filter(col("items"), x -> array_contains(popularSet, x)).as("popular"))
        .select(col("item_id"), explode(col("popular")).as("other_item_id"))
        .filter(col("item_id").notEqual(col("other_item_id")))
        .groupBy("item_id", "other_item_id")
        .agg(count(lit(1)).as("baskets"));
  }

  private static Dataset<Row> ranks(Dataset<Row> baskets, List<String> popular) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < popular.size(); i++) {
      rows.add(RowFactory.create(popular.get(i), i + 1));
    }
    StructType schema =
        new StructType()
            .add("other_item_id", DataTypes.StringType)
            .add("pop_rank", DataTypes.IntegerType);
    return baskets.sparkSession().createDataFrame(rows, schema);
  }
}
