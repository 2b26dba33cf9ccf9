package com.comborec.model.evaluation;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Ranked lists brought to the driver: the evaluated users are few (a bounded sample). */
public final class Lists {
  private Lists() {}

  /**
   * (list, user_id, item_id, score) rows as list name -> user -> items, best first (score desc,
   * then item_id), at most {@code k} per user.
   */
  public static Map<String, Map<String, List<String>>> collect(Dataset<Row> scored, int k) {
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    List<Row> rows =
        scored
            .select("list", "user_id", "item_id", "score")
            .orderBy(col("list"), col("user_id"), col("score").desc(), col("item_id"))
            .collectAsList();
    for (Row r : rows) {
      List<String> list =
          out.computeIfAbsent(r.getString(0), n -> new LinkedHashMap<>())
              .computeIfAbsent(r.getString(1), u -> new ArrayList<>());
      if (list.size() < k) {
        list.add(r.getString(2));
      }
    }
    return out;
  }
}
