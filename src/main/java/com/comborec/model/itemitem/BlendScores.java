package com.comborec.model.itemitem;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A blend of an item-item model with recent popularity: for each weight w, score(u, j) =
 * minmax_u(model row)(j) + w minmax_u(popularity)(j), each min-max scaled over the items the user
 * may get (0 where the part has no score: an item outside the model, or with no recent buyer). The
 * popularity part lets new, seasonal items in that the model has no history for; the model part
 * keeps the list personal. Every user of {@code users} gets lists, those without history too.
 */
public final class BlendScores {
  public static final StructType SCORED =
      new StructType()
          .add("weight", DataTypes.DoubleType, false)
          .add("user_id", DataTypes.StringType, false)
          .add("item_id", DataTypes.StringType, false)
          .add("score", DataTypes.DoubleType, false);

  private BlendScores() {}

  /**
   * The model's items, then the popular items it lacks; popularity per index (NaN: none). Holds the
   * model's broadcast, not the model: the weights ship to each executor once per model.
   */
  record Universe(Broadcast<ItemItemModel> shared, String[] ids, float[] popularity)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    ItemItemModel model() {
      return shared.value();
    }

    static Universe of(Broadcast<ItemItemModel> shared, Map<String, Double> popularity) {
      ItemItemModel model = shared.value();
      Map<String, Integer> index = new LinkedHashMap<>();
      for (String id : model.items()) {
        index.put(id, index.size());
      }
      popularity.keySet().forEach(id -> index.putIfAbsent(id, index.size()));
      String[] ids = index.keySet().toArray(String[]::new);
      float[] pop = new float[ids.length];
      Arrays.fill(pop, Float.NaN);
      popularity.forEach((id, v) -> pop[index.get(id)] = v.floatValue());
      return new Universe(shared, ids, pop);
    }
  }

  /**
   * (weight, user_id, item_id, score): each user's best {@code depth} items per weight, none the
   * user bought; {@code popularity} holds item -> score for items with a positive score.
   */
  public static Dataset<Row> topPerUser(
      Dataset<Row> history,
      Dataset<Row> users,
      Broadcast<ItemItemModel> model,
      Map<String, Double> popularity,
      List<Double> weights,
      int depth) {
    Universe universe = Universe.of(model, popularity);
    Broadcast<Universe> shared =
        JavaSparkContext.fromSparkContext(history.sparkSession().sparkContext())
            .broadcast(universe);
    Dataset<Row> bought = ItemIndex.userIndices(history, universe.ids());
    return users
        .select("user_id")
        .distinct()
        .join(bought, new String[] {"user_id"}, "left")
        .select(col("user_id"), coalesce(col("items"), array().cast("array<int>")).as("items"))
        .flatMap(scoreUser(shared, List.copyOf(weights), depth), Encoders.row(SCORED));
  }

  private static FlatMapFunction<Row, Row> scoreUser(
      Broadcast<Universe> shared, List<Double> weights, int depth) {
    return row -> {
      Universe u = shared.value();
      int[] bought = ItemIndex.toInts(row.getList(1));
      float[] model = modelPart(u, bought);
      float[] pop = scaled(u.popularity().clone(), bought);
      List<Row> out = new ArrayList<>();
      for (double w : weights) {
        float[] blend = new float[u.ids().length];
        for (int j = 0; j < blend.length; j++) {
          blend[j] = zeroIfNaN(model[j]) + (float) w * zeroIfNaN(pop[j]);
        }
        for (int j : ItemItemScores.top(blend, bought, u.ids(), depth)) {
          out.add(RowFactory.create(w, row.getString(0), u.ids()[j], (double) blend[j]));
        }
      }
      return out.iterator();
    };
  }

  /** The model's row over the universe, min-max scaled over the allowed model items; NaN beyond. */
  static float[] modelPart(Universe u, int[] bought) {
    int n = u.model().size();
    float[] out = new float[u.ids().length];
    Arrays.fill(out, Float.NaN);
    if (n > 0) {
      int[] inModel = Arrays.stream(bought).filter(i -> i < n).toArray();
      System.arraycopy(ItemItemScores.row(u.model(), inModel), 0, out, 0, n);
    }
    return scaled(out, bought);
  }

  /** (v - min) / (max - min) over the entries that are not NaN and not bought (range 0: 1). */
  static float[] scaled(float[] values, int[] bought) {
    boolean[] excluded = new boolean[values.length];
    for (int i : bought) {
      excluded[i] = true;
    }
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < values.length; j++) {
      if (!excluded[j] && !Float.isNaN(values[j])) {
        lo = Math.min(lo, values[j]);
        hi = Math.max(hi, values[j]);
      }
    }
    float range = hi > lo ? hi - lo : 1f;
    for (int j = 0; j < values.length; j++) {
      if (!Float.isNaN(values[j])) {
        values[j] = (values[j] - lo) / range;
      }
    }
    return values;
  }

  private static float zeroIfNaN(float v) {
    return Float.isNaN(v) ? 0f : v;
  }
}
