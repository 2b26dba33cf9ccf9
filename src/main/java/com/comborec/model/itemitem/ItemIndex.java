package com.comborec.model.itemitem;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A model's items by index, and each user's items as indices into them. */
final class ItemIndex {
  private static final StructType INDEX =
      new StructType()
          .add("item_id", DataTypes.StringType, false)
          .add("idx", DataTypes.IntegerType, false);

  private ItemIndex() {}

  /**
   * (user_id, items array&lt;int&gt;): each user's distinct items among {@code items}, as indices;
   * users without any are left out.
   */
  static Dataset<Row> userIndices(Dataset<Row> pairs, String[] items) {
    List<Row> rows = new ArrayList<>(items.length);
    for (int i = 0; i < items.length; i++) {
      rows.add(RowFactory.create(items[i], i));
    }
    Dataset<Row> index = pairs.sparkSession().createDataFrame(rows, INDEX);
    // The index holds at most max-items rows: broadcast it rather than shuffle the purchases.
    return pairs
        .select("user_id", "item_id")
        .distinct()
        .join(broadcast(index), "item_id")
        .groupBy("user_id")
        .agg(collect_list(col("idx")).as("items"));
  }

  /** Each user's 0/1 row over the items, for the Gram matrix. */
  static JavaRDD<Vector> userRows(Dataset<Row> pairs, String[] items) {
    int n = items.length;
    return userIndices(pairs, items)
        .select("items")
        .javaRDD()
        .map(r -> binaryRow(n, toInts(r.getList(0))));
  }

  static int[] toInts(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A sparse 0/1 row of n columns from distinct item indices in any order. */
  static Vector binaryRow(int n, int[] indices) {
    int[] sorted = indices.clone();
    Arrays.sort(sorted);
    double[] ones = new double[sorted.length];
    Arrays.fill(ones, 1.0);
    return Vectors.sparse(n, sorted, ones);
  }
}
