package com.comborec.recommend;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import com.comborec.contract.Strategy;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Who gets a personal list and what everyone else falls back to. Known users come from the segments
 * when they exist (segment_id as given), else from the users snapshot and the window's events
 * (segment_id 0 = all users: the contract column is a non-null int).
 */
public final class Fallback {
  private Fallback() {}

  /** (user_id, segment_id) of every known user; {@code segments} may be null. */
  public static Dataset<Row> knownUsers(
      Dataset<Row> segments, Dataset<Row> users, Dataset<Row> events) {
    if (segments != null) {
      return segments
          .filter(col("user_id").isNotNull())
          .select("user_id", "segment_id")
          .dropDuplicates("user_id");
    }
    return users
        .select("user_id")
        .union(events.select("user_id"))
        .filter(col("user_id").isNotNull())
        .distinct()
        .withColumn("segment_id", lit(Codes.ALL_USERS_SEGMENT));
  }

  /**
   * (user_id, segment_id, eligible, fallback): eligible users may get a personal list: the serving
   * candidate is personal, the user has at least {@code min-interactions} distinct interacted items
   * and, when {@code modelUsers} (user_id) is given, is one of them (ALS has factors for them).
   * fallback is segment_popular when segment popularity exists, else global_popular.
   */
  public static Dataset<Row> strategies(
      Dataset<Row> known,
      Dataset<Row> interactions,
      Dataset<Row> modelUsers,
      ModelInfo model,
      boolean segmentPopularity,
      RecommendSettings s) {
    Dataset<Row> counts = interactions.groupBy("user_id").agg(countDistinct("item_id").as("items"));
    Dataset<Row> withCounts = known.join(counts, new String[] {"user_id"}, "left");
    Column enough = coalesce(col("items"), lit(0L)).geq(s.minInteractions());
    Column inModel = lit(true);
    if (modelUsers != null) {
      withCounts =
          withCounts.join(
              modelUsers.select(col("user_id"), lit(true).as("in_model")).distinct(),
              new String[] {"user_id"},
              "left");
      inModel = coalesce(col("in_model"), lit(false));
    }
    String fallback =
        segmentPopularity ? Strategy.SEGMENT_POPULAR.code() : Strategy.GLOBAL_POPULAR.code();
    return withCounts.select(
        col("user_id"),
        col("segment_id"),
        lit(model.personal()).and(enough).and(inModel).as("eligible"),
        lit(fallback).as("fallback"));
  }
}
