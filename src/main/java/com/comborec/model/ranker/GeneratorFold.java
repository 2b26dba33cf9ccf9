package com.comborec.model.ranker;

import com.comborec.model.candidates.Generator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One user's candidate rows, folded in memory into one row per candidate item: per generator the
 * best score (s_g), the best rank (r_g) and, for personal generators, the score over the
 * generator's best for that user (n_g, null when that best is 0 or below).
 *
 * <p>Why not a group-by: the rows arrive already partitioned by user (the union of per-user lists),
 * so a hash aggregation on (user, item) plus a window per (generator, user) built and probed a hash
 * map per row for what one pass over a user's few hundred rows gives. That aggregation was a third
 * of the serving-day ranker's profile at 5M events.
 *
 * <p>Input: (generator, user_id, item_id, score double, rank int), a user's rows consecutive. Nulls
 * are skipped and NaN counts as the largest double, as in Spark's max and min.
 */
final class GeneratorFold implements MapPartitionsFunction<Row, Row> {
  private static final int GENERATOR = 0;
  private static final int USER = 1;
  private static final int ITEM = 2;
  private static final int SCORE = 3;
  private static final int RANK = 4;

  private final Map<String, Integer> index = new HashMap<>();
  private final boolean[] personal;

  /** Where each generator's s_g column is in the output row; r_g and n_g follow it. */
  private final int[] offset;

  private final int width;

  GeneratorFold(List<Generator> generators) {
    personal = new boolean[generators.size()];
    offset = new int[generators.size()];
    int at = 2;
    for (int g = 0; g < generators.size(); g++) {
      index.put(generators.get(g).code(), g);
      personal[g] = generators.get(g).personal();
      offset[g] = at;
      at += personal[g] ? 3 : 2;
    }
    width = at;
  }

  /** (user_id, item_id, then s_g, r_g [, n_g] per generator in the given order). */
  static StructType schema(List<Generator> generators) {
    StructType out =
        new StructType().add("user_id", DataTypes.StringType).add("item_id", DataTypes.StringType);
    for (Generator g : generators) {
      out =
          out.add("s_" + g.code(), DataTypes.DoubleType)
              .add("r_" + g.code(), DataTypes.IntegerType);
      if (g.personal()) {
        out = out.add("n_" + g.code(), DataTypes.DoubleType);
      }
    }
    return out;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      private Row ahead = rows.hasNext() ? rows.next() : null;
      private Iterator<Row> folded = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!folded.hasNext() && ahead != null) {
          folded = fold(nextUser()).iterator();
        }
        return folded.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return folded.next();
      }

      private List<Row> nextUser() {
        Object user = ahead.get(USER);
        List<Row> mine = new ArrayList<>();
        while (ahead != null && Objects.equals(user, ahead.get(USER))) {
          mine.add(ahead);
          ahead = rows.hasNext() ? rows.next() : null;
        }
        return mine;
      }
    };
  }

  /** One user's rows to one row per item, items in the order they first appear. */
  private List<Row> fold(List<Row> userRows) {
    Double[] best = new Double[personal.length];
    for (Row r : userRows) {
      Integer g = index.get(r.getString(GENERATOR));
      if (g != null && !r.isNullAt(SCORE)) {
        best[g] = larger(best[g], r.getDouble(SCORE));
      }
    }
    Map<String, Object[]> byItem = new LinkedHashMap<>();
    for (Row r : userRows) {
      // A row of an unknown generator still makes its pair a candidate, as the group-by did.
      Object[] out = byItem.computeIfAbsent(r.getString(ITEM), item -> newRow(r, item));
      Integer g = index.get(r.getString(GENERATOR));
      if (g == null) {
        continue;
      }
      int at = offset[g];
      if (!r.isNullAt(SCORE)) {
        double score = r.getDouble(SCORE);
        out[at] = larger((Double) out[at], score);
        if (personal[g] && Double.compare(best[g], 0.0) > 0) {
          out[at + 2] = larger((Double) out[at + 2], score / best[g]);
        }
      }
      if (!r.isNullAt(RANK)) {
        int rank = r.getInt(RANK);
        out[at + 1] = out[at + 1] == null ? rank : Math.min((Integer) out[at + 1], rank);
      }
    }
    List<Row> out = new ArrayList<>(byItem.size());
    for (Object[] values : byItem.values()) {
      out.add(RowFactory.create(values));
    }
    return out;
  }

  private Object[] newRow(Row first, String item) {
    Object[] values = new Object[width];
    values[0] = first.get(USER);
    values[1] = item;
    return values;
  }

  /** Spark's max: nulls ignored, NaN above every number (Double.compare orders it so). */
  private static Double larger(Double current, double candidate) {
    return current == null || Double.compare(candidate, current) > 0 ? candidate : current;
  }
}
