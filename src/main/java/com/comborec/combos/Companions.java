package com.comborec.combos;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import com.comborec.contract.Schemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The published frequently_bought_together table: each item's top companions that can be sold, in
 * one {@link FbtOrder}. The measurement ranks with the same code, so what it measures is what would
 * be published.
 */
public final class Companions {
  /** A candidate companion as ranked: the contract's companion struct without its rank. */
  private static final StructType PAIR =
      new StructType()
          .add("item_id", DataTypes.StringType)
          .add("baskets", DataTypes.LongType)
          .add("confidence", DataTypes.DoubleType)
          .add("lift", DataTypes.DoubleType);

  private static final Column NONE = array().cast(DataTypes.createArrayType(PAIR));

  private Companions() {}

  /** A product may be shown to a shopper: active (null means active) and not out of stock. */
  public static Column isSellable() {
    return coalesce(col("active"), lit(true)).and(col("stock").isNull().or(col("stock").gt(0)));
  }

  public static Dataset<Row> sellable(Dataset<Row> products) {
    return products.filter(isSellable());
  }

  /**
   * Contract rows (item_id, companions): the top-M sellable companions from pair stats in {@code
   * order}, filled from {@code fill} ({@link PopularCompanions#fill}) as the settings say.
   */
  public static Dataset<Row> frequentlyBoughtTogether(
      Dataset<Row> pairStats,
      Dataset<Row> fill,
      Dataset<Row> products,
      FbtOrder order,
      FbtSettings s) {
    Dataset<Row> rows =
        lists(pairStats, fill, products, List.of(order), s.topM(), s)
            .select(col("item_id"), col(order.code()).as("companions"))
            .filter(size(col("companions")).gt(0));
    return ContractTables.conform(rows, Schemas.FREQUENTLY_BOUGHT_TOGETHER);
  }

  /**
   * item_id and one column per ordering, named by its code: the top k companions as contract
   * structs (rank, item_id, baskets, confidence, lift). Unsellable or unknown companions are
   * skipped; popularity lists are the fill alone, the others are filled when {@code fill-popular}.
   */
  static Dataset<Row> lists(
      Dataset<Row> pairStats,
      Dataset<Row> fill,
      Dataset<Row> products,
      List<FbtOrder> orders,
      int k,
      FbtSettings s) {
    Dataset<Row> listable = sellable(products).select(col("item_id").as("other_item_id"));
    Dataset<Row> mined =
        pairStats
            .join(listable, new String[] {"other_item_id"}, "left_semi")
            .groupBy("item_id")
            .agg(collect_list(pair()).as("mined"));
    Dataset<Row> popular =
        fill.groupBy("item_id")
            .agg(sort_array(collect_list(struct(col("pop_rank"), pair().as("pair")))).as("ranked"))
            .select(
                col("item_id"), transform(col("ranked"), x -> x.getField("pair")).as("popular"));
    // The sorted top lists first, in their own projection, so each is computed once per item.
    List<Column> tops =
        new ArrayList<>(List.of(col("item_id"), coalesce(col("popular"), NONE).as("popular")));
    List<Column> lists = new ArrayList<>(List.of(col("item_id")));
    for (FbtOrder order : orders) {
      Column top = order.scoresPairs() ? topPairs(coalesce(col("mined"), NONE), order, k, s) : NONE;
      tops.add(top.as("top_" + order.code()));
      lists.add(filled(col("top_" + order.code()), order, k, s).as(order.code()));
    }
    return mined
        .join(popular, new String[] {"item_id"}, "full_outer")
        .select(tops.toArray(Column[]::new))
        .select(lists.toArray(Column[]::new));
  }

  private static Column pair() {
    return struct(
        col("other_item_id").as("item_id"), col("baskets"), col("confidence"), col("lift"));
  }

  /** The top list, then popular items not already listed, cut to k and ranked from 1. */
  private static Column filled(Column top, FbtOrder order, int k, FbtSettings s) {
    Column filler =
        order == FbtOrder.POPULARITY || s.fillPopular()
            ? filter(
                col("popular"),
                p -> not(array_contains(top.getField("item_id"), p.getField("item_id"))))
            : NONE;
    return transform(
        slice(concat(top, filler), 1, k),
        (c, i) ->
            struct(
                i.plus(1).as("rank"),
                c.getField("item_id").as("item_id"),
                c.getField("baskets").as("baskets"),
                c.getField("confidence").as("confidence"),
                c.getField("lift").as("lift")));
  }

  /** Deterministic ties: higher score, then more baskets, then the companion id. */
  private static Column topPairs(Column pairs, FbtOrder order, int k, FbtSettings s) {
    Column keyed =
        transform(
            pairs,
            c ->
                struct(
                    negate(order.score(c, s.shrinkBaskets())).as("score"),
                    negate(c.getField("baskets")).as("baskets"),
                    c.getField("item_id").as("id"),
                    c.as("pair")));
    return transform(slice(sort_array(keyed), 1, k), x -> x.getField("pair"));
  }
}
