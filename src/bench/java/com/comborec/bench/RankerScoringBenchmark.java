package com.comborec.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;

import com.comborec.model.candidates.Generator;
import com.comborec.model.candidates.TopItems;
import com.comborec.model.ranker.Ranker;
import com.comborec.model.ranker.RankerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ranker's scoring side by side on the same cached candidate rows: Spark's pipeline (assembled
 * vector, raw, probability) as the nightly scored until the flat trees, and {@link
 * Ranker.Fitted#score} (flat trees); then the flat scores cut to each user's top {@code depth} as
 * the served lists are. Rows are synthetic (random features, a label learnable from a few of them),
 * the GBT has the nightly's defaults (100 trees of depth 5). Alternating runs, each forced by
 * Spark's noop writer; also counts the rows whose two scores differ (must be 0).
 */
public final class RankerScoringBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(RankerScoringBenchmark.class);
  private static final String USAGE =
      "usage: RankerScoringBenchmark --json FILE [--rows 4000000] [--features 26]"
          + " [--per-user 180] [--trees 100] [--depth 5] [--runs 3] [--conf FILE] [--set k=v]...";

  private RankerScoringBenchmark() {}

  public static void main(String[] args) {
    BenchArgs a = new BenchArgs(args, USAGE);
    SparkSession spark = a.session();
    long rows = a.intValue("rows", 4_000_000);
    int width = a.intValue("features", 26);
    int perUser = a.intValue("per-user", 180);
    int runs = a.intValue("runs", 3);
    List<String> features = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    columns.add(floor(col("id").divide(perUser)).cast("string").as("user_id"));
    columns.add(col("id").mod(5000).cast("string").as("item_id"));
    for (int f = 0; f < width; f++) {
      features.add("f" + f);
      columns.add(floor(rand(f).multiply(f % 3 == 0 ? 1000 : 1)).cast("double").as("f" + f));
    }
    Dataset<Row> candidates =
        spark
            .range(0, rows, 1, 8)
            .select(columns.toArray(Column[]::new))
            .persist(StorageLevel.MEMORY_AND_DISK());
    long cached = candidates.count();
    Ranker.Fitted fitted = fit(candidates, features, a);
    Map<String, Supplier<Dataset<Row>>> ways = new LinkedHashMap<>();
    ways.put("vectors", () -> vectors(fitted, candidates));
    ways.put("flat", () -> fitted.score(candidates));
    ways.put("flat_top50", () -> TopItems.perUser(fitted.score(candidates), 50));
    Map<String, double[]> seconds = new LinkedHashMap<>();
    ways.keySet().forEach(k -> seconds.put(k, new double[runs]));
    for (int r = 0; r < runs; r++) {
      for (Map.Entry<String, Supplier<Dataset<Row>>> way : ways.entrySet()) {
        long start = System.nanoTime();
        way.getValue().get().write().format("noop").mode("overwrite").save();
        seconds.get(way.getKey())[r] = (System.nanoTime() - start) / 1e9;
        LOG.info("run {} {}: {} s", r + 1, way.getKey(), seconds.get(way.getKey())[r]);
      }
    }
    long differing =
        vectors(fitted, candidates)
            .join(
                fitted.score(candidates).withColumnRenamed("score", "flat"),
                new String[] {"user_id", "item_id"})
            .filter(col("score").notEqual(col("flat")))
            .count();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "ranker-scoring");
    result.put("environment", BenchOut.environment(spark));
    result.put("rows", cached);
    result.put("features", width);
    result.put("trees", a.intValue("trees", 100));
    result.put("depth", a.intValue("depth", 5));
    result.put("rows_scored_apart", differing);
    Map<String, Object> times = new LinkedHashMap<>();
    seconds.forEach((k, v) -> times.put(k, BenchStats.summary(v)));
    result.put("seconds", times);
    result.put(
        "vectors_over_flat",
        BenchStats.summary(BenchStats.ratios(seconds.get("vectors"), seconds.get("flat"))));
    BenchOut.write(a.required("json"), result);
    spark.stop();
  }

  /** How the nightly scored before the flat trees: the fitted pipeline's own columns. */
  static Dataset<Row> vectors(Ranker.Fitted fitted, Dataset<Row> rows) {
    return fitted
        .model()
        .transform(rows)
        .select(
            col("user_id"),
            col("item_id"),
            functions.vector_to_array(col("probability"), "float64").getItem(1).as("score"));
  }

  /** A GBT with the nightly's tree defaults, on 50,000 of the rows with a learnable label. */
  static Ranker.Fitted fit(Dataset<Row> candidates, List<String> features, BenchArgs a) {
    Column signal =
        col("f0").divide(1000).plus(col("f1")).plus(col("f2").multiply(0.5)).plus(rand(99));
    Dataset<Row> labelled =
        candidates
            .limit(50_000)
            .withColumn("label", when(signal.gt(1.6), 1.0).otherwise(0.0))
            .withColumn("weight", lit(1.0))
            .withColumn("cutoff", lit("bench"));
    RankerSettings settings =
        new RankerSettings(
            true,
            "gbt",
            List.of(Generator.EASE),
            10,
            3,
            50,
            a.intValue("trees", 100),
            a.intValue("depth", 5),
            0.1,
            0.8,
            32,
            5,
            2,
            List.of(8),
            42);
    long start = System.nanoTime();
    Ranker.Fitted fitted = Ranker.fit(labelled, features, settings);
    LOG.info("fitted {} trees in {} s", settings.maxIter(), (System.nanoTime() - start) / 1e9);
    return fitted;
  }
}
