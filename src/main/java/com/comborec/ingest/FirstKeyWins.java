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
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

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
 *
 * <p>It runs on Spark's internal rows ({@link InternalRows}): keys and days are compared as UTF-8
 * bytes, and only a rejected row is rebuilt.
 */
final class FirstKeyWins implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
  private final DataType[] types;
  private final int dt;
  private final int reason;
  private final int detail;
  private final int record;
  private final int[] keys;
  private final String keyText;

  FirstKeyWins(StructType schema, String... keyColumns) {
    this.types = Arrays.stream(schema.fields()).map(StructField::dataType).toArray(DataType[]::new);
    this.dt = schema.fieldIndex(RawReader.DT);
    this.reason = schema.fieldIndex(RuleSet.REASON);
    this.detail = schema.fieldIndex(RuleSet.DETAIL);
    this.record = schema.fieldIndex(RawReader.RECORD);
    this.keys = Arrays.stream(keyColumns).mapToInt(schema::fieldIndex).toArray();
    this.keyText = String.join(", ", keyColumns);
  }

  @Override
  public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
    return new Iterator<>() {
      private final Map<List<Object>, Long> firstRecord = new HashMap<>();
      private final Set<UTF8String> daysDone = new HashSet<>();
      private UTF8String day;

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public InternalRow next() {
        InternalRow row = rows.next();
        enterDay(row.getUTF8String(dt));
        if (!row.isNullAt(reason)) {
          return row;
        }
        List<Object> key = key(row);
        Long first = firstRecord.get(key);
        if (first == null) {
          firstRecord.put(copied(key), row.getLong(record));
          return row;
        }
        return rejected(row, first);
      }

      private void enterDay(UTF8String next) {
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
        day = next.copy();
        firstRecord.clear();
      }
    };
  }

  /** The row's key values; strings may still point into the row's buffer. */
  private List<Object> key(InternalRow row) {
    List<Object> key = new ArrayList<>(keys.length);
    for (int k : keys) {
      key.add(row.isNullAt(k) ? null : row.get(k, types[k]));
    }
    return key;
  }

  private static List<Object> copied(List<Object> key) {
    List<Object> out = new ArrayList<>(key.size());
    for (Object v : key) {
      out.add(copiedValue(v));
    }
    return out;
  }

  private InternalRow rejected(InternalRow row, long first) {
    Object[] values = new Object[types.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.isNullAt(i) ? null : copiedValue(row.get(i, types[i]));
    }
    values[reason] = UTF8String.fromString(RejectReason.DUPLICATE_KEY.code());
    values[detail] = UTF8String.fromString(keyText + ": repeats the key of record " + first);
    return new GenericInternalRow(values);
  }

  private static Object copiedValue(Object v) {
    return v instanceof UTF8String s ? s.copy() : v;
  }
}
