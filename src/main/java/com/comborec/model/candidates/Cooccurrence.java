package com.comborec.model.candidates;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import com.comborec.store.WorkSchemas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Item-item model: cosine similarity of items' interaction vectors (one dimension per user, value =
 * strength), keeping the top neighbours per item; a user's score for an item is the sum of its
 * similarities to the items the user interacted with.
 */
public final class Cooccurrence {
  private static final StructType INDEX =
      new StructType()
          .add("item_id", DataTypes.StringType, false)
          .add("iid", DataTypes.IntegerType, false);

  private Cooccurrence() {}

  /**
   * cos(i, j) = sum_u s_ui s_uj / (|i| |j|), over each user's {@code maxUserItems} strongest items
   * (the pair count grows with the square of a user's items; the norms use the same capped vectors,
   * so scores stay in [0, 1]). Keeps the {@code k} best neighbours of each item: score descending,
   * then other_item_id ascending.
   *
   * <p>Items are split into blocks (one per core); each user's capped basket travels to the blocks
   * of its items, and a task sums its items' dot products in a dense array and keeps the top k in a
   * bounded heap ({@link CosineBlock}). The shuffle carries baskets, not pairs: its size grows with
   * a user's items times the block count, not with their square.
   */
  public static Dataset<Row> neighbours(Dataset<Row> interactions, int k, int maxUserItems) {
    if (k < 1) {
      throw new IllegalArgumentException("cooccurrence neighbours: k must be >= 1, got " + k);
    }
    String[] itemIds = sortedItemIds(interactions);
    JavaSparkContext jsc =
        JavaSparkContext.fromSparkContext(interactions.sparkSession().sparkContext());
    int blocks = jsc.defaultParallelism();
    JavaRDD<Row> top =
        baskets(capped(interactions, maxUserItems), index(interactions, itemIds))
            .javaRDD()
            .flatMapToPair(row -> toBlocks(row, blocks))
            .partitionBy(new HashPartitioner(blocks))
            .mapPartitions(new TopPerBlock(jsc.broadcast(itemIds), k, blocks));
    return interactions.sparkSession().createDataFrame(top, WorkSchemas.COOC);
  }

  /**
   * (user_id, item_id, strength) of each user's {@code maxUserItems} strongest items, ties by
   * item_id.
   */
  private static Dataset<Row> capped(Dataset<Row> interactions, int maxUserItems) {
    return interactions
        .withColumn(
            "pos",
            row_number()
                .over(
                    Window.partitionBy("user_id")
                        .orderBy(col("strength").desc(), col("item_id").asc())))
        .filter(col("pos").leq(maxUserItems))
        .select("user_id", "item_id", "strength");
  }

  /**
   * The distinct item ids in Spark's order of strings, so dense ids compare as item_id does.
   * Catalog-sized: collected like the item factors for top-N scoring.
   */
  private static String[] sortedItemIds(Dataset<Row> interactions) {
    return interactions
        .select("item_id")
        .distinct()
        .orderBy("item_id")
        .as(Encoders.STRING())
        .collectAsList()
        .toArray(new String[0]);
  }

  private static Dataset<Row> index(Dataset<Row> interactions, String[] itemIds) {
    List<Row> rows = new ArrayList<>(itemIds.length);
    for (int i = 0; i < itemIds.length; i++) {
      rows.add(RowFactory.create(itemIds[i], i));
    }
    return interactions.sparkSession().createDataFrame(rows, INDEX);
  }

  /**
   * (user_id, items: array of (iid, strength, norm)): each user's capped basket, each item with its
   * norm over all capped baskets. Both branches read the same capped frame, whose shuffle Spark
   * reuses; the broadcast joins keep its partitioning by user, so grouping shuffles nothing more.
   */
  private static Dataset<Row> baskets(Dataset<Row> capped, Dataset<Row> index) {
    Dataset<Row> norms =
        capped
            .groupBy("item_id")
            .agg(sqrt(sum(col("strength").multiply(col("strength")))).as("norm"));
    return capped
        .join(broadcast(norms), "item_id")
        .join(broadcast(index), "item_id")
        .groupBy("user_id")
        .agg(collect_list(struct(col("iid"), col("strength"), col("norm"))).as("items"));
  }

  /** The basket once per block among its items; a single item has no pair and stays home. */
  private static Iterator<Tuple2<Integer, CosineBlock.Basket>> toBlocks(Row row, int blocks) {
    List<Row> entries = row.getList(1);
    List<Tuple2<Integer, CosineBlock.Basket>> out = new ArrayList<>();
    if (entries.size() < 2) {
      return out.iterator();
    }
    int n = entries.size();
    int[] items = new int[n];
    double[] strengths = new double[n];
    double[] norms = new double[n];
    boolean[] sent = new boolean[blocks];
    CosineBlock.Basket basket = new CosineBlock.Basket(row.getString(0), items, strengths, norms);
    for (int j = 0; j < n; j++) {
      Row e = entries.get(j);
      items[j] = e.getInt(0);
      strengths[j] = e.getDouble(1);
      norms[j] = e.getDouble(2);
      int block = items[j] % blocks;
      if (!sent[block]) {
        sent[block] = true;
        out.add(new Tuple2<>(block, basket));
      }
    }
    return out.iterator();
  }

  /** One partition = one block (a HashPartitioner sends Integer key b to partition b). */
  private static final class TopPerBlock
      implements FlatMapFunction<Iterator<Tuple2<Integer, CosineBlock.Basket>>, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<String[]> itemIds;
    private final int k;
    private final int blocks;

    TopPerBlock(Broadcast<String[]> itemIds, int k, int blocks) {
      this.itemIds = itemIds;
      this.k = k;
      this.blocks = blocks;
    }

    @Override
    public Iterator<Row> call(Iterator<Tuple2<Integer, CosineBlock.Basket>> in) {
      List<CosineBlock.Basket> baskets = new ArrayList<>();
      int block = -1;
      while (in.hasNext()) {
        Tuple2<Integer, CosineBlock.Basket> t = in.next();
        if (block >= 0 && block != t._1()) {
          throw new IllegalStateException("blocks " + block + " and " + t._1() + " share a task");
        }
        block = t._1();
        baskets.add(t._2());
      }
      if (block < 0) {
        return Collections.emptyIterator();
      }
      String[] ids = itemIds.value();
      return new CosineBlock(baskets, block, blocks)
          .rows(k, (a, c, score) -> RowFactory.create(ids[a], ids[c], score));
    }
  }

  /**
   * (user_id, item_id, score): for each (user, item) of {@code userItems}, every neighbour of the
   * item gains the similarity; summed per user. Items the user already has are scored too: which of
   * them may be shown is the serving filter's call, as for every other candidate.
   */
  public static Dataset<Row> scoreUsers(Dataset<Row> userItems, Dataset<Row> neighbours) {
    return userItems
        .select("user_id", "item_id")
        .join(neighbours, "item_id")
        .groupBy(col("user_id"), col("other_item_id").as("item_id"))
        .agg(sum("score").as("score"));
  }
}
