package com.comborec.model.itemitem;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.linalg.DenseMatrix;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The item Gram matrix G = XᵀX of the binary user-item purchase matrix X, over the {@code maxItems}
 * items with the most distinct buyers (ties: item_id): G[i][j] counts the users who bought both.
 * Spark builds it (MLlib's {@code RowMatrix.computeGramianMatrix}, a tree aggregation of each
 * user's outer product); the driver gets n x n numbers, 8 n² bytes (72 MB at 3,000 items).
 *
 * @param items the item ids, index = row/column of the matrix
 * @param values row-major n x n (symmetric)
 */
public record ItemGram(String[] items, double[] values) {

  public int size() {
    return items.length;
  }

  /** From distinct (user_id, item_id) purchases of known users. */
  public static ItemGram of(Dataset<Row> purchases, int maxItems) {
    Dataset<Row> pairs = purchases.select("user_id", "item_id").distinct();
    String[] items = mostBought(pairs, maxItems);
    if (items.length == 0) {
      return new ItemGram(items, new double[0]);
    }
    JavaRDD<Vector> rows = ItemIndex.userRows(pairs, items);
    if (rows.isEmpty()) {
      return new ItemGram(items, new double[items.length * items.length]);
    }
    // Column-major, and symmetric: the same array row-major.
    return new ItemGram(
        items, columnMajor(new RowMatrix(rows.rdd(), 0L, items.length).computeGramianMatrix()));
  }

  /**
   * The matrix's values column-major. A dense, untransposed matrix already holds them so; {@code
   * Matrix.toArray} would copy them entry by entry through a boxed callback (about 0.5 s of the
   * driver's time over the quick start's Gram matrices, in a flight recording).
   */
  static double[] columnMajor(Matrix m) {
    return m instanceof DenseMatrix d && !d.isTransposed() ? d.values() : m.toArray();
  }

  /** The ids of the items with the most distinct buyers, at most {@code maxItems}. */
  static String[] mostBought(Dataset<Row> pairs, int maxItems) {
    List<Row> top =
        pairs
            .groupBy("item_id")
            .agg(count("*").as("buyers"))
            .orderBy(col("buyers").desc(), col("item_id").asc())
            .limit(maxItems)
            .select("item_id")
            .collectAsList();
    return top.stream().map(r -> r.getString(0)).toArray(String[]::new);
  }
}
