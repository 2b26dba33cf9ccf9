package com.comborec.ingest;

import com.comborec.contract.RejectReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The duplicate-key rule inside one task, with no shuffle: {@link FileBins} puts all files of a
 * partition day in one task, in path order, and each file is read start to end, so the first row of
 * a key in the stream is the one with the lowest (file, record). Later rows that repeat it are
 * rejected. Only rows that passed every other rule compete, so a broken first row does not shadow a
 * good second one.
 *
 * <p>The keys of one day are held in memory (a day's snapshot, not the whole source), and the map
 * is dropped when the day ends. A day that shows up again after another began would mean the
 * reader's grouping changed; that fails the task instead of missing duplicates.
 */
final class FirstKeyWins implements MapPartitionsFunction<Row, Row> {
  private final int dt;
  private final int reason;
  private final int detail;
  private final int record;
  private final int[] keys;
  private final String keyText;

  FirstKeyWins(StructType schema, String... keyColumns) {
    this.dt = schema.fieldIndex(RawReader.DT);
    this.reason = schema.fieldIndex(RuleSet.REASON);
    this.detail = schema.fieldIndex(RuleSet.DETAIL);
    this.record = schema.fieldIndex(RawReader.RECORD);
    this.keys = Arrays.stream(keyColumns).mapToInt(schema::fieldIndex).toArray();
    this.keyText = String.join(", ", keyColumns);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      private final Map<List<Object>, Long> firstRecord = new HashMap<>();
      private final Set<String> daysDone = new HashSet<>();
      private String day;

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        enterDay(row.getString(dt));
        if (!row.isNullAt(reason)) {
          return row;
        }
        Long first = firstRecord.putIfAbsent(key(row), row.getLong(record));
        return first == null ? row : rejected(row, first);
      }

      private void enterDay(String next) {
        if (next.equals(day)) {
          return;
        }
        if (day != null) {
          daysDone.add(day);
        }
        if (daysDone.contains(next)) {
          throw new IllegalStateException(
              "rows of partition day " + next + " are not contiguous in one task");
        }
        day = next;
        firstRecord.clear();
      }
    };
  }

  private List<Object> key(Row row) {
    List<Object> key = new ArrayList<>(keys.length);
    for (int k : keys) {
      key.add(row.get(k));
    }
    return key;
  }

  private Row rejected(Row row, long first) {
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    values[reason] = RejectReason.DUPLICATE_KEY.code();
    values[detail] = keyText + ": repeats the key of record " + first;
    return RowFactory.create(values);
  }
}
