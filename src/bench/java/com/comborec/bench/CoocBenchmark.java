package com.comborec.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import com.comborec.core.Json;
import com.comborec.model.candidates.Cooccurrence;
import com.comborec.model.candidates.WindowSortCooccurrence;
import com.comborec.store.WorkSchemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Co-occurrence neighbours side by side: the window sort they replaced ({@link
 * WindowSortCooccurrence}) and the bounded top-k ({@link Cooccurrence#neighbours}) on the same
 * cached interactions, alternating, each forced by Spark's noop writer. Records wall time, shuffle
 * bytes and records written (a listener over every task), the pairs the self-join generated, and
 * whether both give the same rows. {@code --compare A B} instead compares two written cooc datasets
 * (e.g. of two nightly runs).
 */
public final class CoocBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(CoocBenchmark.class);
  private static final String USAGE =
      "usage: CoocBenchmark --interactions DIR --json FILE [--runs 3] [--k 50] [--cap 200]"
          + " [--conf FILE] [--set k=v]...\n"
          + "       CoocBenchmark --compare COOC_DIR_A --with COOC_DIR_B";

  private CoocBenchmark() {}

  public static void main(String[] args) {
    BenchArgs a = new BenchArgs(args, USAGE);
    SparkSession spark = a.session();
    if (a.get("compare", null) != null) {
      Map<String, Object> diff =
          compare(read(spark, a.required("compare")), read(spark, a.required("with")));
      System.out.println(Json.write(diff));
      spark.stop();
      return;
    }
    int k = a.intValue("k", 50);
    int cap = a.intValue("cap", 200);
    int runs = a.intValue("runs", 3);
    Dataset<Row> in =
        spark
            .read()
            .schema(WorkSchemas.INTERACTIONS)
            .parquet(a.required("interactions"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "cooc");
    result.put("input", a.required("interactions"));
    result.put("environment", BenchOut.environment(spark));
    result.put("k", k);
    result.put("cap", cap);
    result.put("interactions", in.count());
    result.put("pairs", pairs(in, cap));
    result.put(
        "identity",
        compare(
            WindowSortCooccurrence.neighbours(in, k, cap), Cooccurrence.neighbours(in, k, cap)));
    ShuffleMeter meter = new ShuffleMeter();
    spark.sparkContext().addSparkListener(meter);
    Map<String, double[]> seconds = new LinkedHashMap<>();
    Map<String, double[]> bytes = new LinkedHashMap<>();
    Map<String, double[]> records = new LinkedHashMap<>();
    for (String name : new String[] {"window_sort", "bounded_top_k"}) {
      seconds.put(name, new double[runs]);
      bytes.put(name, new double[runs]);
      records.put(name, new double[runs]);
    }
    for (int r = 0; r < runs; r++) {
      for (int j = 0; j < 2; j++) {
        // alternate which goes first: the machine is shared and the load drifts
        String name = (r + j) % 2 == 0 ? "window_sort" : "bounded_top_k";
        meter.reset(spark);
        long t0 = System.nanoTime();
        Dataset<Row> out =
            name.equals("window_sort")
                ? WindowSortCooccurrence.neighbours(in, k, cap)
                : Cooccurrence.neighbours(in, k, cap);
        out.write().format("noop").mode("overwrite").save();
        seconds.get(name)[r] = (System.nanoTime() - t0) / 1e9;
        meter.drain(spark);
        bytes.get(name)[r] = meter.bytes.get();
        records.get(name)[r] = meter.records.get();
        LOG.info(
            "[bench] cooc round {} {}: {} s, shuffle {} MiB in {} records",
            r + 1,
            name,
            BenchStats.round(seconds.get(name)[r]),
            meter.bytes.get() >> 20,
            meter.records.get());
      }
    }
    Map<String, Object> variants = new LinkedHashMap<>();
    for (String name : seconds.keySet()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seconds", BenchStats.summary(seconds.get(name)));
      m.put("shuffle_bytes_written", BenchStats.summary(bytes.get(name)));
      m.put("shuffle_records_written", BenchStats.summary(records.get(name)));
      variants.put(name, m);
    }
    variants.put(
        "speed_up",
        BenchStats.summary(
            BenchStats.ratios(seconds.get("window_sort"), seconds.get("bounded_top_k"))));
    result.put("variants", variants);
    BenchOut.write(a.required("json"), result);
    System.out.println(Json.write(result));
    spark.stop();
  }

  /**
   * The capped baskets' pair counts: sum n^2 rows out of the old self-join, sum n(n-1)/2 of them
   * kept (a < b), and sum n(n-1) multiply-adds in the dense accumulators (both directions).
   */
  private static Map<String, Object> pairs(Dataset<Row> in, int cap) {
    Row r =
        WindowSortCooccurrence.capped(in, cap)
            .groupBy("user_id")
            .agg(count("*").as("n"))
            .agg(
                sum(col("n").multiply(col("n"))),
                sum(col("n").multiply(col("n").minus(1)).divide(2)),
                sum("n"),
                count("*"))
            .first();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("self_join_rows", r.getLong(0));
    m.put("unordered_pairs", (long) r.getDouble(1));
    m.put("capped_interactions", r.getLong(2));
    m.put("users", r.getLong(3));
    return m;
  }

  /** Rows only in a, only in b, and the largest score difference of the rows in both. */
  static Map<String, Object> compare(Dataset<Row> a, Dataset<Row> b) {
    String[] key = {"item_id", "other_item_id"};
    Dataset<Row> both =
        a.withColumnRenamed("score", "score_a")
            .join(b.withColumnRenamed("score", "score_b"), key, "full_outer");
    Row r =
        both.agg(
                count(col("score_a")),
                count(col("score_b")),
                sum(col("score_b").isNull().cast("long")),
                sum(col("score_a").isNull().cast("long")),
                max(abs(col("score_a").minus(col("score_b")))),
                sum(col("score_a").notEqual(col("score_b")).cast("long")))
            .first();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows_a", r.getLong(0));
    m.put("rows_b", r.getLong(1));
    m.put("only_in_a", r.isNullAt(2) ? 0 : r.getLong(2));
    m.put("only_in_b", r.isNullAt(3) ? 0 : r.getLong(3));
    m.put("max_abs_score_diff", r.isNullAt(4) ? 0.0 : r.getDouble(4));
    m.put("scores_not_bitwise_equal", r.isNullAt(5) ? 0 : r.getLong(5));
    LOG.info("[bench] cooc comparison: {}", m);
    return m;
  }

  private static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().schema(WorkSchemas.COOC).parquet(path);
  }

  /** Shuffle bytes and records written by every task since the last reset. */
  private static final class ShuffleMeter extends SparkListener {
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong records = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskMetrics() != null) {
        bytes.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
        records.addAndGet(end.taskMetrics().shuffleWriteMetrics().recordsWritten());
      }
    }

    void reset(SparkSession spark) {
      drain(spark);
      bytes.set(0);
      records.set(0);
    }

    /** Waits until the listener has seen every event posted so far. */
    void drain(SparkSession spark) {
      try {
        spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
      } catch (TimeoutException e) {
        throw new IllegalStateException("listener bus still busy after 60 s", e);
      }
    }
  }
}
