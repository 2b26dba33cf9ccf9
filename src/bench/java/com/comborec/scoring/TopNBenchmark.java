package com.comborec.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import com.comborec.bench.BenchOut;
import com.comborec.bench.BenchStats;
import dev.ludovic.netlib.blas.BLAS;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times {@code ALSModel.recommendForAllUsers} against {@link TopN} on random factors, both fully
 * materialised (written to the no-op sink), checks that they agree on a sample of users, and sets
 * both against the floor: the multiply's FLOPs at this machine's measured sgemm rate (and at the
 * rate of TopN's own block scoring, multiply plus top-k scan, which is what TopN actually runs).
 */
public final class TopNBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(TopNBenchmark.class);
  private static final int SAMPLE_USERS = 200;

  /** Seconds are medians over the runs; floors assume one core (serial) or every core busy. */
  public record Result(
      int users,
      int items,
      int rank,
      int k,
      int runs,
      double alsSeconds,
      double topNSeconds,
      double speedup,
      double alsCpuSeconds,
      double topNCpuSeconds,
      String blas,
      double sgemmGflopsPerCore,
      String topNKernel,
      double scoringGflopsPerCore,
      int cores,
      double floorSecondsOneCore,
      double floorSecondsAllCores,
      double scoringFloorSecondsAllCores,
      int sampledUsers,
      int mismatchedUsers,
      double[] alsRuns,
      double[] topNRuns,
      double[] alsCpuRuns,
      double[] topNCpuRuns) {
    @Override
    public String toString() {
      return String.format(
          "users=%d items=%d rank=%d k=%d runs=%d | recommendForAllUsers %.2f s (%.1f cpu s) | TopN"
              + " %.2f s (%.1f cpu s) | speed-up %.1fx wall, %.1fx cpu | sgemm (%s) %.1f GFLOP/s"
              + " per core, floor %.2f s on 1 core, %.2f s on %d cores | TopN scoring (%s) %.1f"
              + " GFLOP/s per core, floor %.2f s on %d cores | sample %d users, %d differ",
          users,
          items,
          rank,
          k,
          runs,
          alsSeconds,
          alsCpuSeconds,
          topNSeconds,
          topNCpuSeconds,
          speedup,
          alsCpuSeconds / topNCpuSeconds,
          blas,
          sgemmGflopsPerCore,
          floorSecondsOneCore,
          floorSecondsAllCores,
          cores,
          topNKernel,
          scoringGflopsPerCore,
          scoringFloorSecondsAllCores,
          cores,
          sampledUsers,
          mismatchedUsers);
    }
  }

  private TopNBenchmark() {}

  /** Arguments: users items rank k seed [runs [json-file]]; e.g. 50000 20000 32 10 42. */
  public static void main(String[] args) {
    if (args.length < 5) {
      System.err.println(
          "usage: TopNBenchmark <users> <items> <rank> <k> <seed> [runs [json-file]]");
      System.exit(2);
    }
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("comborec-topn-benchmark")
            .config("spark.ui.enabled", "false");
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    SparkSession spark = builder.getOrCreate();
    int runs = args.length > 5 ? Integer.parseInt(args[5]) : 3;
    Result r =
        run(
            spark,
            Integer.parseInt(args[0]),
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]),
            Long.parseLong(args[4]),
            runs);
    System.out.println(r);
    if (args.length > 6) {
      writeJson(args[6], r, spark);
    }
    spark.stop();
  }

  public static Result run(SparkSession spark, int users, int items, int rank, int k, long seed) {
    return run(spark, users, items, rank, k, seed, 3);
  }

  public static Result run(
      SparkSession spark, int users, int items, int rank, int k, long seed, int runs) {
    Dataset<Row> userFactors = randomFactors(spark, users, rank, seed).cache();
    Dataset<Row> itemFactors = randomFactors(spark, items, rank, seed + 1).cache();
    userFactors.count();
    itemFactors.count();
    ALSModel model =
        new ALSModel("benchmark", rank, userFactors, itemFactors)
            .setUserCol("uid")
            .setItemCol("iid");
    double[][] als = new double[2][runs];
    double[][] topN = new double[2][runs];
    timeRuns(model, userFactors, itemFactors, k, als, topN);
    int step = Math.max(1, users / SAMPLE_USERS);
    int differ =
        TopNAgreement.mismatches(
            TopNAgreement.sample(model.recommendForAllUsers(k), step),
            TopNAgreement.sample(TopN.recommend(userFactors, itemFactors, null, k, 4096), step));
    double gflops = ScoringRates.sgemmGflops(rank, items);
    double scoring = ScoringRates.scoringGflops(rank, items, k);
    int cores = spark.sparkContext().defaultParallelism();
    double flops = 2.0 * users * items * rank;
    userFactors.unpersist();
    itemFactors.unpersist();
    return new Result(
        users,
        items,
        rank,
        k,
        runs,
        median(als[0]),
        median(topN[0]),
        median(als[0]) / median(topN[0]),
        median(als[1]),
        median(topN[1]),
        BLAS.getInstance().getClass().getSimpleName(),
        gflops,
        BlockScorer.nativeSgemm() ? "native sgemm" : "Java tile kernel",
        scoring,
        cores,
        flops / (gflops * 1e9),
        flops / (gflops * 1e9 * cores),
        flops / (scoring * 1e9 * cores),
        (users + step - 1) / step,
        differ,
        als[0],
        topN[0],
        als[1],
        topN[1]);
  }

  /** Every figure of the result, with each timed quantity's runs, median and spread. */
  private static void writeJson(String path, Result r, SparkSession spark) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmark", "topn");
    m.put("users", r.users());
    m.put("items", r.items());
    m.put("rank", r.rank());
    m.put("k", r.k());
    m.put("runs", r.runs());
    m.put("blas", r.blas());
    m.put("blas_native_library", BenchOut.nativeBlas());
    m.put("cores", r.cores());
    m.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    m.put("recommend_for_all_users_seconds", BenchStats.summary(r.alsRuns()));
    m.put("topn_seconds", BenchStats.summary(r.topNRuns()));
    m.put("speedup", BenchStats.summary(BenchStats.ratios(r.alsRuns(), r.topNRuns())));
    m.put("recommend_for_all_users_cpu_seconds", BenchStats.summary(r.alsCpuRuns()));
    m.put("topn_cpu_seconds", BenchStats.summary(r.topNCpuRuns()));
    m.put("speedup_cpu", BenchStats.summary(BenchStats.ratios(r.alsCpuRuns(), r.topNCpuRuns())));
    m.put("flops", 2.0 * r.users() * r.items() * r.rank());
    m.put("sgemm_gflops_per_core", r.sgemmGflopsPerCore());
    m.put("topn_kernel", r.topNKernel());
    m.put("topn_scoring_gflops_per_core", r.scoringGflopsPerCore());
    m.put("floor_seconds_one_core", r.floorSecondsOneCore());
    m.put("floor_seconds_all_cores", r.floorSecondsAllCores());
    m.put("topn_scoring_floor_seconds_all_cores", r.scoringFloorSecondsAllCores());
    m.put("topn_vs_floor", median(r.topNRuns()) / r.floorSecondsAllCores());
    m.put("recommend_for_all_users_vs_floor", median(r.alsRuns()) / r.floorSecondsAllCores());
    m.put("sampled_users", r.sampledUsers());
    m.put("mismatched_users", r.mismatchedUsers());
    m.put("spark", spark.version());
    BenchOut.write(path, m);
  }

  /** Alternates the two, run by run, so a change in machine load hits both alike. */
  private static void timeRuns(
      ALSModel model,
      Dataset<Row> userFactors,
      Dataset<Row> itemFactors,
      int k,
      double[][] als,
      double[][] topN) {
    int runs = als[0].length;
    for (int i = 0; i < runs; i++) {
      timed(als, i, () -> noop(model.recommendForAllUsers(k)));
      timed(topN, i, () -> noop(TopN.recommend(userFactors, itemFactors, null, k, 4096)));
      LOG.info(
          "run {}: recommendForAllUsers {} s ({} cpu s), TopN {} s ({} cpu s)",
          i + 1,
          round(als[0][i]),
          round(als[1][i]),
          round(topN[0][i]),
          round(topN[1][i]));
    }
  }

  /** Factors in (-1, 1) from a hash of (seed, id, position): reproducible and uncorrelated. */
  static Dataset<Row> randomFactors(SparkSession spark, int n, int rank, long seed) {
    return spark
        .range(n)
        .select(
            col("id").cast("int").as("id"),
            expr("transform(sequence(0, "
                    + (rank - 1)
                    + "), j -> cast((xxhash64("
                    + seed
                    + "L, id, j) % 1000000) / 1000000.0 as float))")
                .as("features"))
        .repartition(spark.sparkContext().defaultParallelism());
  }

  private static void noop(Dataset<Row> ds) {
    ds.write().format("noop").mode("overwrite").save();
  }

  /**
   * Wall seconds into {@code out[0][i]} and process CPU seconds into {@code out[1][i]}. CPU time
   * covers every executor thread only in local mode; on a shared machine it is the steadier figure.
   */
  private static void timed(double[][] out, int i, Runnable body) {
    long cpu = processCpuNanos();
    long start = System.nanoTime();
    body.run();
    out[0][i] = (System.nanoTime() - start) / 1e9;
    out[1][i] = (processCpuNanos() - cpu) / 1e9;
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0L;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
