package com.comborec.scoring;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Blocked top-N scoring of ALS factors, replacing {@code ALSModel.recommendForAllUsers}: item
 * factors travel as one broadcast float matrix (or as blocks when too big), users are scored in
 * blocks with sgemm, a bounded heap per user stays inside the task, and each user's excluded items
 * are masked inside the block. Lists are sorted by score descending, ties by item id ascending
 * (recommendForAllUsers leaves tie order undefined). Every user gets a row, possibly empty.
 */
public final class TopN {
  public static final StructType SCORED_ITEM =
      new StructType()
          .add("iid", DataTypes.IntegerType, false)
          .add("score", DataTypes.FloatType, false);
  public static final StructType OUTPUT =
      new StructType()
          .add("uid", DataTypes.IntegerType, false)
          .add("recommendations", DataTypes.createArrayType(SCORED_ITEM, false), false);

  /** Per-user excluded items: uid int, iids array of int. */
  public static final StructType EXCLUSIONS =
      new StructType()
          .add("uid", DataTypes.IntegerType, false)
          .add("iids", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  /** Item matrices up to this size are broadcast whole; bigger ones are scored block by block. */
  public static final long DEFAULT_MAX_BROADCAST_BYTES = 256L << 20;

  private TopN() {}

  /** The scoring kernel as the driver sees it: executors choose the same way. */
  public static String kernel() {
    return BlockScorer.nativeSgemm() ? "native sgemm" : "java tile kernel";
  }

  /** Top-k items per user; {@code exclusions} (uid, iids) may be null. */
  public static Dataset<Row> recommend(
      Dataset<Row> userFactors,
      Dataset<Row> itemFactors,
      Dataset<Row> exclusions,
      int k,
      int blockSize) {
    return recommend(
        userFactors, itemFactors, exclusions, k, blockSize, DEFAULT_MAX_BROADCAST_BYTES);
  }

  public static Dataset<Row> recommend(
      Dataset<Row> userFactors,
      Dataset<Row> itemFactors,
      Dataset<Row> exclusions,
      int k,
      int blockSize,
      long maxBroadcastBytes) {
    checkFactors(userFactors, "user factors");
    checkFactors(itemFactors, "item factors");
    if (k < 1 || blockSize < 1) {
      throw new IllegalArgumentException(
          "k and block size must be >= 1, got " + k + " and " + blockSize);
    }
    Dataset<Row> users = withExclusions(userFactors, exclusions);
    long[] shape = countAndRank(itemFactors);
    int rank = (int) shape[1];
    if (shape[0] * rank * Float.BYTES <= maxBroadcastBytes) {
      return scoreBroadcast(users, itemFactors, rank, k, blockSize);
    }
    long perBlock = Math.max(1, maxBroadcastBytes / ((long) rank * Float.BYTES));
    return scoreBlocked(users, itemFactors, rank, k, blockSize, (int) Math.min(perBlock, 1 << 30));
  }

  /** {item count, rank} in one pass; mixed ranks are refused. */
  private static long[] countAndRank(Dataset<Row> itemFactors) {
    Column size = functions.size(col("features"));
    Row shape =
        itemFactors.agg(functions.count("*"), functions.min(size), functions.max(size)).first();
    if (shape.getLong(0) == 0) {
      return new long[] {0, 0};
    }
    if (shape.getInt(1) != shape.getInt(2)) {
      throw new IllegalArgumentException(
          "item factors have mixed ranks " + shape.getInt(1) + " and " + shape.getInt(2));
    }
    return new long[] {shape.getLong(0), shape.getInt(2)};
  }

  private static Dataset<Row> scoreBroadcast(
      Dataset<Row> users, Dataset<Row> itemFactors, int rank, int k, int blockSize) {
    List<Integer> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    // Item factors are catalog-sized (checked against the broadcast limit), never user-sized.
    for (Row r : itemFactors.select("id", "features").collectAsList()) {
      ids.add(r.getInt(0));
      vectors.add(TopNRows.floats(r, 1));
    }
    FactorMatrix matrix = FactorMatrix.sortedById(rank, ids, vectors);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(users.sparkSession().sparkContext());
    Broadcast<FactorMatrix> items = jsc.broadcast(matrix);
    return users.mapPartitions(
        new TopNRows.ScoreAgainstBroadcast(items, k, blockSize), Encoders.row(OUTPUT));
  }

  /** Items too big to broadcast: every user block meets every item block; partial lists merge. */
  private static Dataset<Row> scoreBlocked(
      Dataset<Row> users,
      Dataset<Row> itemFactors,
      int rank,
      int k,
      int blockSize,
      int itemsPerBlock) {
    Dataset<Row> itemBlocks =
        itemFactors
            .select("id", "features")
            .mapPartitions(
                new TopNRows.PackItems(rank, itemsPerBlock), Encoders.row(TopNRows.ITEM_BLOCK));
    Dataset<Row> userBlocks =
        users.mapPartitions(new TopNRows.PackUsers(blockSize), Encoders.row(TopNRows.USER_BLOCK));
    Dataset<Row> partial =
        userBlocks
            .crossJoin(itemBlocks)
            .mapPartitions(new TopNRows.ScoreBlockPairs(k), Encoders.row(OUTPUT));
    return partial.groupBy("uid").agg(mergedTopK(k).as("recommendations"));
  }

  /** Merges partial lists: score descending, then iid ascending, first k. */
  static Column mergedTopK(int k) {
    return functions.expr(
        "slice(array_sort(flatten(collect_list(recommendations)), (a, b) -> "
            + "CASE WHEN a.score > b.score THEN -1 WHEN a.score < b.score THEN 1 "
            + "WHEN a.iid < b.iid THEN -1 WHEN a.iid > b.iid THEN 1 ELSE 0 END), 1, "
            + k
            + ")");
  }

  /** User factors with their excluded iids (null when none), spread over all cores. */
  private static Dataset<Row> withExclusions(Dataset<Row> userFactors, Dataset<Row> exclusions) {
    Dataset<Row> users = userFactors.select(col("id"), col("features"));
    Dataset<Row> joined =
        exclusions == null
            ? users.withColumn(
                "iids", functions.lit(null).cast(EXCLUSIONS.apply("iids").dataType()))
            : users.join(
                exclusions.select(col("uid").as("id"), col("iids")), new String[] {"id"}, "left");
    // An explicit count keeps adaptive execution from coalescing a small (few MB) factor table
    // into one partition: scoring is CPU-bound, and every core should get a share.
    int cores = users.sparkSession().sparkContext().defaultParallelism();
    return joined.select("id", "features", "iids").repartition(cores);
  }

  private static void checkFactors(Dataset<Row> factors, String what) {
    StructType s = factors.schema();
    boolean ok =
        s.getFieldIndex("id").isDefined()
            && s.getFieldIndex("features").isDefined()
            && s.apply("id").dataType().equals(DataTypes.IntegerType)
            && s.apply("features").dataType() instanceof ArrayType a
            && a.elementType().equals(DataTypes.FloatType);
    if (!ok) {
      throw new IllegalArgumentException(
          what + " need columns id int and features array<float>, got " + s.simpleString());
    }
  }
}
