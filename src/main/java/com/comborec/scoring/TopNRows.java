package com.comborec.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;
import scala.collection.immutable.Seq;

/**
 * The Spark-facing half of {@link TopN}: packs rows into factor blocks, runs {@link BlockScorer}
 * inside each task and turns the per-user heaps back into rows (uid, [(iid, score)]).
 */
final class TopNRows {
  static final StructType ITEM_BLOCK =
      new StructType()
          .add("iids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add("item_values", DataTypes.createArrayType(DataTypes.FloatType, false), false);
  static final StructType USER_BLOCK =
      new StructType()
          .add("uids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add("user_values", DataTypes.createArrayType(DataTypes.FloatType, false), false)
          .add(
              "excluded",
              DataTypes.createArrayType(
                  DataTypes.createArrayType(DataTypes.IntegerType, false), true),
              false);

  private TopNRows() {}

  /** Scores blocks of (id, features, iids) user rows against the broadcast item matrix. */
  static final class ScoreAgainstBroadcast implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<FactorMatrix> items;
    private final int k;
    private final int blockSize;

    ScoreAgainstBroadcast(Broadcast<FactorMatrix> items, int k, int blockSize) {
      this.items = items;
      this.k = k;
      this.blockSize = blockSize;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      FactorMatrix matrix = items.value();
      return perBlock(
          rows,
          blockSize,
          block -> {
            UserBlock users = UserBlock.of(block);
            return toRows(
                users.factors, BlockScorer.score(users.factors, users.excluded, matrix, k), k);
          });
    }
  }

  /** Packs (id, features) item rows into blocks of at most {@code size} items, sorted by id. */
  static final class PackItems implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int rank;
    private final int size;

    PackItems(int rank, int size) {
      this.rank = rank;
      this.size = size;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return perBlock(
          rows,
          size,
          block -> {
            List<Integer> ids = new ArrayList<>(block.size());
            List<float[]> vectors = new ArrayList<>(block.size());
            for (Row r : block) {
              ids.add(r.getInt(0));
              vectors.add(floats(r, 1));
            }
            FactorMatrix m = FactorMatrix.sortedById(rank, ids, vectors);
            return List.of(RowFactory.create(m.ids, m.values));
          });
    }
  }

  /** Packs (id, features, iids) user rows into blocks of at most {@code size} users. */
  static final class PackUsers implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int size;

    PackUsers(int size) {
      this.size = size;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return perBlock(
          rows,
          size,
          block -> {
            UserBlock users = UserBlock.of(block);
            return List.of(
                RowFactory.create(users.factors.ids, users.factors.values, seq(users.excluded)));
          });
    }
  }

  /** Scores each (user block, item block) pair into partial per-user lists. */
  static final class ScoreBlockPairs implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int k;

    ScoreBlockPairs(int k) {
      this.k = k;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> pairs) {
      return perBlock(
          pairs,
          1,
          pair -> {
            Row p = pair.get(0);
            FactorMatrix users = matrix(ints(p, 0), floats(p, 1));
            FactorMatrix items = matrix(ints(p, 3), floats(p, 4));
            return toRows(users, BlockScorer.score(users, intArrays(p, 2), items, k), k);
          });
    }

    private static FactorMatrix matrix(int[] ids, float[] values) {
      return new FactorMatrix(values.length / ids.length, ids, values);
    }
  }

  /** A block of users: their factor matrix and each one's excluded iids (null = none). */
  record UserBlock(FactorMatrix factors, int[][] excluded) {
    static UserBlock of(List<Row> block) {
      int rank = floats(block.get(0), 1).length;
      int[] ids = new int[block.size()];
      int[][] excluded = new int[block.size()][];
      List<float[]> vectors = new ArrayList<>(block.size());
      for (int i = 0; i < ids.length; i++) {
        Row r = block.get(i);
        ids[i] = r.getInt(0);
        vectors.add(floats(r, 1));
        excluded[i] = ints(r, 2);
      }
      return new UserBlock(FactorMatrix.inOrder(rank, ids, vectors), excluded);
    }
  }

  static List<Row> toRows(FactorMatrix users, BlockHeaps heaps, int k) {
    int[] ids = new int[k];
    float[] scores = new float[k];
    List<Row> out = new ArrayList<>(users.size());
    for (int u = 0; u < users.size(); u++) {
      int n = heaps.sorted(u, ids, scores);
      Row[] items = new Row[n];
      for (int i = 0; i < n; i++) {
        items[i] = RowFactory.create(ids[i], scores[i]);
      }
      out.add(RowFactory.create(users.ids[u], seq(items)));
    }
    return out;
  }

  /** Row encoders want a Scala Seq for array columns; wrapping copies nothing. */
  static Seq<Object> seq(Object[] values) {
    return ArraySeq.unsafeWrapArray(values);
  }

  static float[] floats(Row r, int i) {
    if (r.isNullAt(i)) {
      return null;
    }
    List<Float> values = r.getList(i);
    float[] out = new float[values.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = values.get(j);
    }
    return out;
  }

  static int[] ints(Row r, int i) {
    if (r.isNullAt(i)) {
      return null;
    }
    List<Integer> values = r.getList(i);
    int[] out = new int[values.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = values.get(j);
    }
    return out;
  }

  /** A nested int array column (array of nullable int arrays) as int[][]. */
  static int[][] intArrays(Row r, int i) {
    List<Object> lists = r.getList(i);
    int[][] out = new int[lists.size()][];
    for (int j = 0; j < out.length; j++) {
      Object e = lists.get(j);
      out[j] = e == null ? null : ints(RowFactory.create(e), 0);
    }
    return out;
  }

  /** Lazily applies {@code f} to consecutive blocks of up to {@code size} rows. */
  static Iterator<Row> perBlock(Iterator<Row> in, int size, Function<List<Row>, List<Row>> f) {
    return new Iterator<>() {
      private Iterator<Row> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && in.hasNext()) {
          List<Row> block = new ArrayList<>(Math.min(size, 1 << 16));
          while (block.size() < size && in.hasNext()) {
            block.add(in.next());
          }
          current = f.apply(block).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
