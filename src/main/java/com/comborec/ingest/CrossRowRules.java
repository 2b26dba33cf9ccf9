package com.comborec.ingest;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.RejectReason;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/** Rules that need more than one row: unknown items against the catalog, and duplicate keys. */
final class CrossRowRules {
  private CrossRowRules() {}

  /**
   * Rejects events whose item is not in the catalog snapshot of their partition day.
   *
   * <p>The catalog is broadcast as one row per item with the event days it serves (as day numbers),
   * not one row per item and day: a backfill of 60 daily snapshots of 100k items would otherwise
   * broadcast a 6M-row hash table to every task.
   *
   * @param catalog item_id and {@code _snapshot_for} (the event partition day it serves), small
   */
  static Dataset<Row> unknownItems(Dataset<Row> events, Dataset<Row> catalog) {
    Dataset<Row> known =
        catalog
            .groupBy(col("item_id").as("_known_item"))
            .agg(collect_set(unix_date(to_date(col("_snapshot_for")))).as("_known_days"));
    Column listed = array_contains(col("_known_days"), unix_date(to_date(col(RawReader.DT))));
    Column unknown = col(RuleSet.REASON).isNull().and(coalesce(listed, lit(false)).unary_$bang());
    return events
        .join(broadcast(known), col("item_id").equalTo(col("_known_item")), "left")
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
        .drop("_known_item", "_known_days");
  }

  /**
   * Rejects later rows that repeat a key within one partition day, in the task that read the day
   * (see {@link FirstKeyWins}): no shuffle, and each day's rows stay in one task, so the validated
   * write makes one file per day.
   */
  static Dataset<Row> duplicateKeys(Dataset<Row> rows, String... keys) {
    return rows.mapPartitions(new FirstKeyWins(rows.schema(), keys), Encoders.row(rows.schema()));
  }
}
