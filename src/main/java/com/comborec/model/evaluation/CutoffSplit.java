package com.comborec.model.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import com.comborec.model.candidates.TrainingData;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One evaluation cutoff, rolling origin: training events up to the cutoff day (within the
 * look-back), and what each evaluated user PURCHASED in the {@code forwardDays} after it. Relevant
 * items are those new to the user (not bought by the cutoff), or with {@code repeats} every item
 * bought. Evaluated users have at least one training event and one relevant item; above {@code
 * maxUsers} a fixed hash-ordered sample is kept, so metrics cost the same at any scale and the same
 * users are drawn every run.
 *
 * @param relevant each evaluated user's relevant items (on the driver)
 * @param users (user_id) of the evaluated users
 */
public record CutoffSplit(
    LocalDate cutoff,
    int forwardDays,
    Dataset<Row> train,
    Map<String, Set<String>> relevant,
    Dataset<Row> users) {

  private static final StructType USERS = new StructType().add("user_id", DataTypes.StringType);

  public static CutoffSplit of(
      Dataset<Row> events,
      LocalDate cutoff,
      int forwardDays,
      int lookbackDays,
      boolean repeats,
      int maxUsers) {
    Dataset<Row> train = TrainingData.upTo(events, cutoff, lookbackDays);
    Dataset<Row> forward =
        purchases(
            events.filter(
                col("dt")
                    .gt(lit(Date.valueOf(cutoff)))
                    .and(col("dt").leq(lit(Date.valueOf(cutoff.plusDays(forwardDays)))))));
    if (!repeats) {
      forward = forward.join(purchases(train), new String[] {"user_id", "item_id"}, "left_anti");
    }
    Dataset<Row> known = train.filter(col("user_id").isNotNull()).select("user_id").distinct();
    List<Row> rows =
        forward
            .join(known, "user_id")
            .groupBy("user_id")
            .agg(collect_set("item_id").as("items"))
            .orderBy(xxhash64(col("user_id")), col("user_id"))
            .limit(maxUsers)
            .collectAsList();
    Map<String, Set<String>> relevant = new LinkedHashMap<>();
    List<Row> userRows = new ArrayList<>();
    for (Row r : rows) {
      relevant.put(r.getString(0), new TreeSet<>(r.<String>getList(1)));
      userRows.add(RowFactory.create(r.getString(0)));
    }
    Dataset<Row> users = events.sparkSession().createDataFrame(userRows, USERS);
    return new CutoffSplit(cutoff, forwardDays, train, relevant, users);
  }

  /** Distinct (user_id, item_id) purchases of known users. */
  static Dataset<Row> purchases(Dataset<Row> events) {
    return events
        .filter(col("event_type").equalTo("purchase").and(col("user_id").isNotNull()))
        .select("user_id", "item_id")
        .distinct();
  }
}
