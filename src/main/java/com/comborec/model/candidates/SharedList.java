package com.comborec.model.candidates;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import com.comborec.model.itemitem.ItemItemScores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One ranked list for everyone (popularity, trending), served per user: each user walks the list
 * and skips what they bought. The list is a few hundred items, so it travels with the task; only
 * the purchases of those items are shuffled, once, to their users. The cross join it replaces made
 * users x list rows (250 per user, five such generators for the ranker) and sorted them per user.
 */
final class SharedList {
  private static final StructType ITEMS = new StructType().add("item_id", DataTypes.StringType);

  private SharedList() {}

  /**
   * (user_id, item_id, score): each user's first {@code depth} items of {@code ranked} (item_id,
   * score rows, best first) that are not among their {@code excluded} (user_id, item_id) pairs.
   */
  static Dataset<Row> perUser(
      List<Row> ranked, Dataset<Row> users, Dataset<Row> excluded, int depth) {
    String[] items = new String[ranked.size()];
    double[] scores = new double[ranked.size()];
    List<Row> itemRows = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      items[i] = ranked.get(i).getString(0);
      scores[i] = ranked.get(i).getDouble(1);
      itemRows.add(RowFactory.create(items[i]));
    }
    Dataset<Row> listed = users.sparkSession().createDataFrame(itemRows, ITEMS);
    Dataset<Row> bought =
        excluded
            .select("user_id", "item_id")
            .join(broadcast(listed), "item_id")
            .groupBy("user_id")
            .agg(collect_list(col("item_id")).as("bought"));
    return users
        .select("user_id")
        .distinct()
        .join(bought, new String[] {"user_id"}, "left")
        .flatMap(walk(items, scores, depth), Encoders.row(ItemItemScores.SCORED));
  }

  private static FlatMapFunction<Row, Row> walk(String[] items, double[] scores, int depth) {
    return row -> {
      Set<String> bought = row.isNullAt(1) ? Set.of() : new HashSet<>(row.<String>getList(1));
      List<Row> out = new ArrayList<>(depth);
      for (int i = 0; i < items.length && out.size() < depth; i++) {
        if (!bought.contains(items[i])) {
          out.add(RowFactory.create(row.getString(0), items[i], scores[i]));
        }
      }
      return out.iterator();
    };
  }
}
