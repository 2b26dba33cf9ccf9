package com.comborec.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import com.comborec.contract.Reason;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Co-occurrence candidates, each user's best {@code n} in one pass over users: an item's score is
 * the sum of its neighbour scores over the user's interacted items, and its reason names the
 * linking item, the bought one with the highest neighbour score (ties: lowest id), else any (same
 * rule). Only items that are available and not excluded for the user are kept.
 *
 * <p>Why a fold: joining each user's items with their neighbours and aggregating the links by
 * (user, item) shuffled every link row: at 20M events 19 GB of shuffle files and 822 s of the
 * recommend stage. Here the neighbour table travels once, as arrays by item index (the catalog's
 * items times {@code cooc-neighbors}, like the item factors for top-N scoring), and only each
 * user's items are grouped.
 */
final class CooccurrenceCandidates {
  private static final int SOURCE = 0;
  private static final int BOUGHT = 1;
  private static final int EXCLUDED = 2;

  private CooccurrenceCandidates() {}

  /**
   * (user_id, item_id, score, reason, because_item_id), at most {@code n} rows per user of {@code
   * interactions} (user_id, item_id): score descending, then item_id ascending.
   */
  static Dataset<Row> top(
      Dataset<Row> interactions,
      Dataset<Row> purchases,
      Dataset<Row> excluded,
      Dataset<Row> available,
      Dataset<Row> cooc,
      int n) {
    Links links = Links.of(cooc, available);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(cooc.sparkSession().sparkContext());
    Broadcast<Links> shared = jsc.broadcast(links);
    return cooc.sparkSession()
        .createDataFrame(
            byUser(interactions, purchases, excluded).javaRDD().mapPartitions(new Fold(shared, n)),
            PersonalCandidates.SCHEMA);
  }

  /**
   * (user_id, items: array of (item_id, kind)): what each user interacted with, bought, excluded.
   */
  private static Dataset<Row> byUser(
      Dataset<Row> interactions, Dataset<Row> purchases, Dataset<Row> excluded) {
    return tagged(interactions, SOURCE)
        .union(tagged(purchases, BOUGHT))
        .union(tagged(excluded, EXCLUDED))
        .groupBy("user_id")
        .agg(collect_list(struct(col("item_id"), col("kind"))).as("items"));
  }

  private static Dataset<Row> tagged(Dataset<Row> pairs, int kind) {
    return pairs.select(col("user_id"), col("item_id"), lit(kind).as("kind"));
  }

  /**
   * The neighbour table by item index: item i's neighbours are {@code to[from[i]..from[i+1])} with
   * scores {@code score[...]}. Items are indexed in Spark's order of strings, so comparing indices
   * compares item ids as Spark does.
   */
  static final class Links implements Serializable {
    private static final long serialVersionUID = 1L;
    final String[] ids;
    final boolean[] available;
    final int[] from;
    final int[] to;
    final double[] score;
    private transient Map<String, Integer> position;

    private Links(String[] ids, boolean[] available, int[] from, int[] to, double[] score) {
      this.ids = ids;
      this.available = available;
      this.from = from;
      this.to = to;
      this.score = score;
      this.position = positions(ids);
    }

    static Links of(Dataset<Row> cooc, Dataset<Row> available) {
      String[] ids =
          cooc.select("item_id")
              .union(cooc.select("other_item_id"))
              .distinct()
              .orderBy("item_id")
              .as(Encoders.STRING())
              .collectAsList()
              .toArray(new String[0]);
      Map<String, Integer> position = positions(ids);
      boolean[] sellable = new boolean[ids.length];
      Iterator<String> items = available.select("item_id").as(Encoders.STRING()).toLocalIterator();
      while (items.hasNext()) {
        Integer i = position.get(items.next());
        if (i != null) {
          sellable[i] = true;
        }
      }
      // Two passes over the rows would read the table twice; one pass into growing arrays, then a
      // counting sort by source, keeps the driver at three arrays of the table's length.
      int[] src = new int[1024];
      int[] dst = new int[1024];
      double[] val = new double[1024];
      int m = 0;
      Iterator<Row> rows = cooc.select("item_id", "other_item_id", "score").toLocalIterator();
      while (rows.hasNext()) {
        Row r = rows.next();
        if (m == src.length) {
          src = Arrays.copyOf(src, 2 * m);
          dst = Arrays.copyOf(dst, 2 * m);
          val = Arrays.copyOf(val, 2 * m);
        }
        src[m] = position.get(r.getString(0));
        dst[m] = position.get(r.getString(1));
        val[m] = r.getDouble(2);
        m++;
      }
      int[] from = new int[ids.length + 1];
      for (int e = 0; e < m; e++) {
        from[src[e] + 1]++;
      }
      for (int i = 0; i < ids.length; i++) {
        from[i + 1] += from[i];
      }
      int[] next = Arrays.copyOf(from, ids.length);
      int[] to = new int[m];
      double[] score = new double[m];
      for (int e = 0; e < m; e++) {
        int at = next[src[e]]++;
        to[at] = dst[e];
        score[at] = val[e];
      }
      return new Links(ids, sellable, from, to, score);
    }

    /** The item's index, or -1 when it has no neighbours and is no one's neighbour. */
    int indexOf(String itemId) {
      Integer i = position.get(itemId);
      return i == null ? -1 : i;
    }

    private static Map<String, Integer> positions(String[] ids) {
      Map<String, Integer> out = new HashMap<>(ids.length * 2);
      for (int i = 0; i < ids.length; i++) {
        out.put(ids[i], i);
      }
      return out;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      position = positions(ids);
    }
  }

  /** Per task: dense accumulators over the item index, reset after each user by what it touched. */
  private static final class Fold implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Links> shared;
    private final int n;

    Fold(Broadcast<Links> shared, int n) {
      this.shared = shared;
      this.n = n;
    }

    /** Lazily, one user at a time: a partition's lists are never all held at once. */
    @Override
    public Iterator<Row> call(Iterator<Row> users) {
      Accumulators acc = new Accumulators(shared.value());
      return new Iterator<>() {
        private final List<Row> buffer = new ArrayList<>();
        private int at;

        @Override
        public boolean hasNext() {
          while (at == buffer.size() && users.hasNext()) {
            buffer.clear();
            at = 0;
            acc.user(users.next(), n, buffer);
          }
          return at < buffer.size();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return buffer.get(at++);
        }
      };
    }
  }

  /** One task's state; {@link #user} folds one user's row into at most n output rows. */
  static final class Accumulators {
    private final Links links;
    private final double[] sum;
    private final double[] bestAny;
    private final int[] anySource;
    private final double[] bestBought;
    private final int[] boughtSource;
    private final boolean[] excluded;
    private final boolean[] bought;
    private final int[] touched;

    Accumulators(Links links) {
      int size = links.ids.length;
      this.links = links;
      sum = new double[size];
      bestAny = new double[size];
      anySource = new int[size];
      bestBought = new double[size];
      boughtSource = new int[size];
      excluded = new boolean[size];
      bought = new boolean[size];
      touched = new int[size];
      Arrays.fill(anySource, -1);
      Arrays.fill(boughtSource, -1);
    }

    /** (user_id, items: array of (item_id, kind)) into {@code out}, best first. */
    void user(Row row, int n, List<Row> out) {
      List<Row> items = row.getList(1);
      int[] sources = new int[items.size()];
      int count = 0;
      for (Row item : items) {
        int i = links.indexOf(item.getString(0));
        if (i < 0) {
          continue;
        }
        switch (item.getInt(1)) {
          case SOURCE -> sources[count++] = i;
          case BOUGHT -> bought[i] = true;
          default -> excluded[i] = true;
        }
      }
      // Ascending sources: a strictly better link replaces the best, so ties keep the lowest id.
      Arrays.sort(sources, 0, count);
      int touchedCount = 0;
      int previous = -1;
      for (int k = 0; k < count; k++) {
        int s = sources[k];
        if (s == previous) {
          continue;
        }
        previous = s;
        for (int e = links.from[s]; e < links.from[s + 1]; e++) {
          int t = links.to[e];
          double link = links.score[e];
          if (anySource[t] < 0) {
            touched[touchedCount++] = t;
            sum[t] = 0;
          }
          sum[t] += link;
          if (anySource[t] < 0 || link > bestAny[t]) {
            bestAny[t] = link;
            anySource[t] = s;
          }
          if (bought[s] && (boughtSource[t] < 0 || link > bestBought[t])) {
            bestBought[t] = link;
            boughtSource[t] = s;
          }
        }
      }
      emit(row.getString(0), touchedCount, n, out);
      reset(items, touchedCount);
    }

    /** The best n touched items that may be listed: score descending, then index ascending. */
    private void emit(String user, int touchedCount, int n, List<Row> out) {
      PriorityQueue<Integer> best = new PriorityQueue<>(n + 1, this::worseFirst);
      for (int k = 0; k < touchedCount; k++) {
        int t = touched[k];
        if (!links.available[t] || excluded[t]) {
          continue;
        }
        best.add(t);
        if (best.size() > n) {
          best.poll();
        }
      }
      Integer[] kept = best.toArray(new Integer[0]);
      Arrays.sort(kept, (a, b) -> worseFirst(b, a));
      for (int t : kept) {
        boolean viaBought = boughtSource[t] >= 0;
        out.add(
            RowFactory.create(
                user,
                links.ids[t],
                sum[t],
                (viaBought ? Reason.BOUGHT_WITH : Reason.SIMILAR_TO).code(),
                links.ids[viaBought ? boughtSource[t] : anySource[t]]));
      }
    }

    /** Negative when a ranks below b: lower score, or the same score and a higher index. */
    private int worseFirst(int a, int b) {
      int byScore = Double.compare(sum[a], sum[b]);
      return byScore != 0 ? byScore : Integer.compare(b, a);
    }

    private void reset(List<Row> items, int touchedCount) {
      for (int k = 0; k < touchedCount; k++) {
        int t = touched[k];
        anySource[t] = -1;
        boughtSource[t] = -1;
      }
      for (Row item : items) {
        int i = links.indexOf(item.getString(0));
        if (i >= 0) {
          bought[i] = false;
          excluded[i] = false;
        }
      }
    }
  }
}
