package com.comborec.combos;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import com.comborec.contract.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The published frequently_bought_together table: each item's top companions that can be sold. */
public final class Companions {
  private Companions() {}

  /** A product may be shown to a shopper: active (null means active) and not out of stock. */
  public static Column isSellable() {
    return coalesce(col("active"), lit(true)).and(col("stock").isNull().or(col("stock").gt(0)));
  }

  public static Dataset<Row> sellable(Dataset<Row> products) {
    return products.filter(isSellable());
  }

  /**
   * Contract rows (item_id, companions) from pair stats; unsellable or unknown companions skipped.
   */
  public static Dataset<Row> frequentlyBoughtTogether(
      Dataset<Row> pairStats, Dataset<Row> products, FbtSettings s) {
    Dataset<Row> listable = sellable(products).select(col("item_id").as("other_item_id"));
    Column first = "lift".equals(s.order()) ? col("lift") : col("confidence");
    // Deterministic ties: more baskets first, then the companion id.
    var byOrder =
        Window.partitionBy("item_id")
            .orderBy(first.desc(), col("baskets").desc(), col("other_item_id").asc());
    Dataset<Row> top =
        pairStats
            .join(
                listable,
                pairStats.col("other_item_id").equalTo(listable.col("other_item_id")),
                "left_semi")
            .withColumn("rank", row_number().over(byOrder))
            .filter(col("rank").leq(s.topM()));
    Column companion =
        struct(
            col("rank"),
            col("other_item_id").as("item_id"),
            col("baskets"),
            col("confidence"),
            col("lift"));
    // sort_array orders the structs by their first field, the rank.
    Dataset<Row> rows =
        top.groupBy("item_id").agg(sort_array(collect_list(companion)).as("companions"));
    return ContractTables.conform(rows, Schemas.FREQUENTLY_BOUGHT_TOGETHER);
  }
}
