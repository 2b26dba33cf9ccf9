package com.comborec.features;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Events to one implicit-feedback strength per (user, item), and the dense integer ids ALS needs.
 *
 * <p>strength = sum over the pair's events of {@code weight(event_type) * q(quantity) *
 * 0.5^(age_days / half_life)}, where q is log1p(quantity) by default (quantity null = 1), and the
 * age is measured from the END of the as-of day, so an event at 23:59 of that day is ~0 days old.
 * Returns carry a negative weight and so subtract; pairs whose net is <= 0 drop out, and guests
 * (null user_id) never get a row, since they cannot be recommended to. Feedback on published items
 * (click, add_to_cart, purchase) can be added with weights of its own.
 */
public final class Interactions {

  private static final double MICROS_PER_DAY = 86_400_000_000.0;

  private Interactions() {}

  /** Net decayed strength per (user, item) of validated events, as of the end of {@code end}. */
  public static Dataset<Row> computeStrengths(
      Dataset<Row> events, Map<String, Double> weights, InteractionSettings s, Instant end) {
    Column contribution =
        eventWeight(weights)
            .multiply(quantityFactor(s.quantityDamping()))
            .multiply(decay(s.halfLifeDays(), end));
    return events
        .filter(col("user_id").isNotNull())
        .groupBy("user_id", "item_id")
        .agg(sum(contribution).as("strength"))
        .filter(col("strength").gt(0));
  }

  /**
   * As {@link #computeStrengths(Dataset, Map, InteractionSettings, Instant)}, with the window's
   * validated feedback added: each click, add_to_cart or purchase on an item counts like an event
   * of quantity 1 weighted by {@link InteractionSettings#feedbackWeights()}, with the same decay.
   * Impressions, dismissals and bundle rows (no item_id) add nothing. The sum over events and
   * feedback is netted before the {@code > 0} cut, so a return still cancels a feedback purchase.
   */
  public static Dataset<Row> computeStrengths(
      Dataset<Row> events,
      Dataset<Row> feedback,
      Map<String, Double> eventWeights,
      InteractionSettings s,
      Instant end) {
    Dataset<Row> all =
        contributions(events, eventWeights, s, end)
            .unionByName(
                contributions(
                    feedbackAsEvents(feedback, s.feedbackWeights()), s.feedbackWeights(), s, end));
    return all.groupBy("user_id", "item_id")
        .agg(sum(col("contribution")).as("strength"))
        .filter(col("strength").gt(0));
  }

  /** Feedback rows that can add strength, shaped as events: the action becomes the event type. */
  static Dataset<Row> feedbackAsEvents(Dataset<Row> feedback, Map<String, Double> weights) {
    return feedback
        .filter(col("item_id").isNotNull().and(col("action").isin(weights.keySet().toArray())))
        .select(
            col("event_time"),
            col("user_id"),
            col("item_id"),
            col("action").as("event_type"),
            lit(null).cast(IntegerType).as("quantity"));
  }

  /** (user_id, item_id, contribution) of known users' rows: weight * q(quantity) * decay. */
  private static Dataset<Row> contributions(
      Dataset<Row> rows, Map<String, Double> weights, InteractionSettings s, Instant end) {
    Column contribution =
        eventWeight(weights)
            .multiply(quantityFactor(s.quantityDamping()))
            .multiply(decay(s.halfLifeDays(), end));
    return rows.filter(col("user_id").isNotNull())
        .select(col("user_id"), col("item_id"), contribution.as("contribution"));
  }

  /** The configured weight of the row's event type; a type without a weight counts 0. */
  public static Column eventWeight(Map<String, Double> weights) {
    // A CASE chain rather than a map lookup: element_at on a missing key may throw under ANSI.
    Column w = lit(0.0);
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      w = when(col("event_type").equalTo(e.getKey()), lit(e.getValue())).otherwise(w);
    }
    return w;
  }

  /** How quantity scales an event: see {@link InteractionSettings} (null quantity = 1). */
  public static Column quantityFactor(String damping) {
    Column q = coalesce(col("quantity"), lit(1)).cast(DoubleType);
    switch (damping) {
      case InteractionSettings.LOG1P:
        return log1p(q);
      case InteractionSettings.LINEAR:
        return q;
      default:
        return lit(1.0);
    }
  }

  /** 0.5^(age_days / half_life); an age below 0 (clock skew) counts as 0, never as a bonus. */
  public static Column decay(double halfLifeDays, Instant end) {
    long endMicros = end.getEpochSecond() * 1_000_000L + end.getNano() / 1_000L;
    Column ageDays = lit(endMicros).minus(unix_micros(col("event_time"))).divide(MICROS_PER_DAY);
    return pow(lit(0.5), greatest(ageDays, lit(0.0)).divide(halfLifeDays));
  }

  /** The first instant after {@code day} in the configured zone: the "end of the run day". */
  public static Instant endOfDay(LocalDate day, ZoneId zone) {
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * Dense ids 0..n-1 for the distinct values of {@code idColumn}, in sorted order, so the same ids
   * always get the same numbers. zipWithIndex on the sorted RDD keeps this distributed.
   */
  public static Dataset<Row> buildIndex(Dataset<Row> in, String idColumn, String indexColumn) {
    JavaRDD<Row> indexed =
        in.select(idColumn)
            .distinct()
            .orderBy(idColumn)
            .javaRDD()
            .zipWithIndex()
            .map(t -> RowFactory.create(t._1().getString(0), Math.toIntExact(t._2())));
    StructType schema =
        new StructType().add(idColumn, StringType, false).add(indexColumn, IntegerType, false);
    return in.sparkSession().createDataFrame(indexed, schema);
  }

  /** (uid, iid, strength) for ALS; pairs whose user or item has no index are dropped. */
  public static Dataset<Row> toDenseIds(
      Dataset<Row> interactions, Dataset<Row> userIndex, Dataset<Row> itemIndex) {
    return interactions
        .join(userIndex, "user_id")
        .join(itemIndex, "item_id")
        .select(col("uid"), col("iid"), col("strength"));
  }
}
