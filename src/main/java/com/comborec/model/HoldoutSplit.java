package com.comborec.model;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The time-based holdout of one run: training events are those of days up to the cutoff (run day -
 * H); the test is what each user PURCHASED in the H days after it and had not purchased before.
 * Only users with at least one training event are evaluated: a user the models have never seen is
 * served by the popularity fallback, whatever the candidate, so they would not tell candidates
 * apart.
 *
 * @param trainEvents validated events with dt <= cutoff (guests included, for popularity)
 * @param prior (user_id, item_id) bought on or before the cutoff: the serving filter
 * @param relevant (user_id, relevant array&lt;string&gt; sorted) of the evaluated users
 * @param users (user_id) of the evaluated users
 */
public record HoldoutSplit(
    LocalDate cutoff,
    Dataset<Row> trainEvents,
    Dataset<Row> prior,
    Dataset<Row> relevant,
    Dataset<Row> users) {

  static final String PURCHASE = "purchase";

  /** Splits validated events (with their dt date column) at run day - holdoutDays. */
  public static HoldoutSplit split(Dataset<Row> events, LocalDate runDate, int holdoutDays) {
    LocalDate cutoff = runDate.minusDays(holdoutDays);
    Dataset<Row> train = events.filter(col("dt").leq(lit(java.sql.Date.valueOf(cutoff))));
    Dataset<Row> test = events.filter(col("dt").gt(lit(java.sql.Date.valueOf(cutoff))));
    Dataset<Row> prior = purchases(train);
    Dataset<Row> known = train.filter(col("user_id").isNotNull()).select("user_id").distinct();
    // Joins by column name: both sides descend from the same events, and a column-object
    // condition on a self-join can silently resolve to one side.
    Dataset<Row> relevant =
        purchases(test)
            .join(prior, new String[] {"user_id", "item_id"}, "left_anti")
            .join(known, "user_id")
            .groupBy("user_id")
            .agg(array_sort(collect_set(col("item_id"))).as("relevant"));
    return new HoldoutSplit(cutoff, train, prior, relevant, relevant.select("user_id"));
  }

  /** The same split with prior, relevant and users cached: every candidate reads them. */
  public HoldoutSplit persist() {
    Dataset<Row> p = prior.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> r = relevant.persist(StorageLevel.MEMORY_AND_DISK());
    return new HoldoutSplit(cutoff, trainEvents, p, r, r.select("user_id"));
  }

  public void release() {
    relevant.unpersist();
    prior.unpersist();
  }

  /** Distinct (user_id, item_id) purchases of known users. */
  static Dataset<Row> purchases(Dataset<Row> events) {
    return events
        .filter(col("event_type").equalTo(PURCHASE).and(col("user_id").isNotNull()))
        .select("user_id", "item_id")
        .distinct();
  }
}
