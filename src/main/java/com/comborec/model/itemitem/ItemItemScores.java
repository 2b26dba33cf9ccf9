package com.comborec.model.itemitem;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores users with an {@link ItemItemModel}: a user's row of the model is the sum of the weight
 * rows of the items they bought, so scoring costs (items bought) x n per user rather than the n² of
 * a dense product, which is what makes item-item models servable for every user. Items the user
 * bought are never returned. Every other item of the model has a score, weak or negative ones
 * included, so a user with little history still gets a full list (as the backtest measured it).
 */
public final class ItemItemScores {
  public static final StructType SCORED =
      new StructType()
          .add("user_id", DataTypes.StringType, false)
          .add("item_id", DataTypes.StringType, false)
          .add("score", DataTypes.DoubleType, false);

  private ItemItemScores() {}

  /**
   * The best {@code depth} items (score desc, then item_id) of each user of {@code users} that has
   * bought at least one of the model's items; {@code history} holds (user_id, item_id) purchases.
   */
  public static Dataset<Row> topPerUser(
      Dataset<Row> history, Dataset<Row> users, ItemItemModel model, int depth) {
    return topPerUser(history, users, share(history, model), depth, true);
  }

  /** The model as a broadcast: build it once per model and reuse it for every list. */
  public static Broadcast<ItemItemModel> share(Dataset<Row> any, ItemItemModel model) {
    return JavaSparkContext.fromSparkContext(any.sparkSession().sparkContext()).broadcast(model);
  }

  /** As above; with {@code excludeHistory} false a user's own items may come back (repeats). */
  public static Dataset<Row> topPerUser(
      Dataset<Row> history,
      Dataset<Row> users,
      Broadcast<ItemItemModel> shared,
      int depth,
      boolean excludeHistory) {
    ItemItemModel model = shared.value();
    if (model.size() == 0) {
      return history.sparkSession().createDataFrame(List.of(), SCORED);
    }
    return ItemIndex.userIndices(history, model.items())
        .join(users.select("user_id").distinct(), new String[] {"user_id"}, "left_semi")
        .flatMap(scoreUser(shared, depth, excludeHistory), Encoders.row(SCORED));
  }

  private static FlatMapFunction<Row, Row> scoreUser(
      Broadcast<ItemItemModel> shared, int depth, boolean excludeHistory) {
    return row -> {
      ItemItemModel model = shared.value();
      int[] bought = ItemIndex.toInts(row.getList(1));
      float[] scores = row(model, bought);
      List<Row> out = new ArrayList<>();
      int[] excluded = excludeHistory ? bought : new int[0];
      for (int j : top(scores, excluded, model.items(), depth)) {
        out.add(RowFactory.create(row.getString(0), model.items()[j], (double) scores[j]));
      }
      return out.iterator();
    };
  }

  /** The user's row: the sum of the weight rows of their items. */
  static float[] row(ItemItemModel model, int[] bought) {
    int n = model.size();
    float[] w = model.weights();
    float[] acc = new float[n];
    for (int i : bought) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        acc[j] += w[base + j];
      }
    }
    return acc;
  }

  /**
   * Indices of the best {@code depth} scores, best first (ties: item id), the user's own items left
   * out; {@code acc} is the user's row, and the bought entries are overwritten.
   */
  static List<Integer> top(float[] acc, int[] bought, String[] ids, int depth) {
    for (int i : bought) {
      acc[i] = Float.NEGATIVE_INFINITY;
    }
    // A min-heap of the best so far: its head is the weakest (lowest score, then larger id).
    PriorityQueue<Integer> heap =
        new PriorityQueue<>(
            (a, b) -> acc[a] != acc[b] ? Float.compare(acc[a], acc[b]) : ids[b].compareTo(ids[a]));
    for (int j = 0; j < acc.length; j++) {
      if (acc[j] != Float.NEGATIVE_INFINITY) {
        heap.add(j);
        if (heap.size() > depth) {
          heap.poll();
        }
      }
    }
    List<Integer> best = new ArrayList<>(heap);
    best.sort(
        (a, b) -> acc[a] != acc[b] ? Float.compare(acc[b], acc[a]) : ids[a].compareTo(ids[b]));
    return best;
  }
}
