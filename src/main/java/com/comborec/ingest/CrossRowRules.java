package com.comborec.ingest;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.RejectReason;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rules that need more than one row: unknown items against the catalog, and duplicate keys. */
final class CrossRowRules {
  private CrossRowRules() {}

  /**
   * Rejects events whose item is not in the catalog snapshot of their partition day.
   *
   * <p>The catalog is broadcast as one row per item and block of 64 days, holding a bit per event
   * day that the item's snapshots serve: a backfill of 150 daily snapshots of 100k items is then
   * 300k rows of a long each, not a 15M-row hash table of (item, day) pairs. The bits are OR-ed by
   * Spark's hash aggregation; a set of days per item ({@code collect_set}) is an object aggregate,
   * which Spark sorts once a task holds more than 128 keys, and took a third of the events' write.
   *
   * @param catalog item_id and {@code _snapshot_for} (the event partition day it serves), small
   */
  static Dataset<Row> unknownItems(Dataset<Row> events, Dataset<Row> catalog) {
    Column servedDay = unix_date(to_date(col("_snapshot_for")));
    Dataset<Row> known =
        catalog
            .groupBy(col("item_id").as("_known_item"), dayBlock(servedDay).as("_known_block"))
            .agg(bit_or(call_function("shiftleft", lit(1L), dayBit(servedDay))).as("_known_days"));
    Column eventDay = unix_date(to_date(col(RawReader.DT)));
    Column listed =
        call_function("shiftright", col("_known_days"), dayBit(eventDay))
            .bitwiseAND(lit(1L))
            .equalTo(lit(1L));
    Column unknown = col(RuleSet.REASON).isNull().and(coalesce(listed, lit(false)).unary_$bang());
    return events
        .join(
            broadcast(known),
            col("item_id")
                .equalTo(col("_known_item"))
                .and(dayBlock(eventDay).equalTo(col("_known_block"))),
            "left")
        .withColumn(
            RuleSet.DETAIL,
            when(
                    unknown,
                    concat(
                        lit("item_id: '"),
                        col("item_id"),
                        lit("' is not in the catalog snapshot for day "),
                        col(RawReader.DT)))
                .otherwise(col(RuleSet.DETAIL)))
        .withColumn(
            RuleSet.REASON,
            when(unknown, lit(RejectReason.UNKNOWN_ITEM.code())).otherwise(col(RuleSet.REASON)))
        .drop("_known_item", "_known_block", "_known_days");
  }

  /** The block of 64 days a day number falls in. */
  private static Column dayBlock(Column dayNumber) {
    return floor(dayNumber.divide(lit(64)));
  }

  /** A day number's bit within its block. */
  private static Column dayBit(Column dayNumber) {
    return pmod(dayNumber, lit(64));
  }

  /**
   * Rejects later rows that repeat a key within one partition day, in the task that read the day
   * (see {@link FirstKeyWins}): no shuffle, and each day's rows stay in one task, so the validated
   * write makes one file per day.
   */
  static Dataset<Row> duplicateKeys(Dataset<Row> rows, String... keys) {
    return InternalRows.map(rows, new FirstKeyWins(rows.schema(), keys), rows.schema());
  }
}
