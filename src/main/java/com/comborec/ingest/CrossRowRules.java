package com.comborec.ingest;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.RejectReason;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

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
   * Rejects later rows that repeat a key within one partition day. Only rows that passed every
   * other rule compete, so a broken first row does not shadow a good second one.
   */
  static Dataset<Row> duplicateKeys(Dataset<Row> rows, String... keys) {
    Column[] partition =
        concatArrays(
            new Column[] {col(RawReader.DT), col(RuleSet.REASON)},
            Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new));
    WindowSpec byKey =
        Window.partitionBy(partition).orderBy(col(RawReader.FILE), col(RawReader.RECORD));
    Column dup = col(RuleSet.REASON).isNull().and(col("_occurrence").gt(1));
    String keyText = String.join(", ", keys);
    // Shuffled by day alone: the window (clustered by day, reason and key) needs no second
    // exchange, and each day's rows end up in one task, so the validated write makes one file per
    // day instead of one per day and shuffle partition.
    return rows.repartition(col(RawReader.DT))
        .withColumn("_occurrence", row_number().over(byKey))
        .withColumn("_first_record", first(col(RawReader.RECORD)).over(byKey))
        .withColumn(
            RuleSet.DETAIL,
            when(
                    dup,
                    concat(
                        lit(keyText + ": repeats the key of record "),
                        col("_first_record").cast("string")))
                .otherwise(col(RuleSet.DETAIL)))
        .withColumn(
            RuleSet.REASON,
            when(dup, lit(RejectReason.DUPLICATE_KEY.code())).otherwise(col(RuleSet.REASON)))
        .drop("_occurrence", "_first_record");
  }

  private static Column[] concatArrays(Column[] a, Column[] b) {
    Column[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
