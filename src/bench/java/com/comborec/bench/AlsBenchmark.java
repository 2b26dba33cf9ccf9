package com.comborec.bench;

import com.comborec.cli.Stages;
import com.comborec.core.ComboConfig;
import com.comborec.core.Json;
import com.comborec.core.SparkSessions;
import com.comborec.features.Interactions;
import com.comborec.model.ModelSettings;
import com.comborec.model.candidates.AlsParams;
import com.comborec.model.candidates.AlsTrainer;
import com.comborec.model.candidates.TrainSet;
import com.comborec.store.WorkSchemas;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the model stage's ALS training ("train als": dense ids joined from the features stage's
 * interactions and indexes, then {@link AlsTrainer#fit}) against a bare {@code ALS.fit} with the
 * same parameters on the same (uid, iid, strength) rows, already in Parquet; then variants of the
 * bare fit (block counts, checkpointing, storage levels). Each fit runs back to back with a bare
 * fit of its own, in alternating order, and its ratio is taken against that neighbour.
 *
 * <p>Reads {@code <output>/_work/{interactions,user_index,item_index}/dt=D} of a finished nightly.
 */
public final class AlsBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(AlsBenchmark.class);
  private static final String USAGE =
      "usage: AlsBenchmark --output NIGHTLY_OUTPUT --date YYYY-MM-DD --work DIR --json FILE [--runs"
          + " 3] [--variants blocks=2,blocks=4,...|none] [--conf FILE] [--set k=v]...";
  private static final String DEFAULT_VARIANTS =
      "blocks=2,blocks=4,blocks=20,checkpoint=off,"
          + "intermediate=MEMORY_ONLY,intermediate=MEMORY_AND_DISK_SER,final=MEMORY_AND_DISK_SER";

  private AlsBenchmark() {}

  public static void main(String[] args) {
    BenchArgs a = new BenchArgs(args, USAGE);
    String output = new File(a.required("output")).getAbsolutePath();
    String date = a.required("date");
    String work = new File(a.required("work")).getAbsolutePath();
    int runs = a.intValue("runs", 3);
    List<String> sets = new ArrayList<>(a.all("set"));
    sets.add("output=\"" + work + "/out\"");
    sets.add("spark.checkpoint-dir=\"" + work + "/_checkpoints\"");
    String conf = a.get("conf", System.getenv("COMBOREC_CONF"));
    ComboConfig config =
        ComboConfig.load(conf == null ? null : new File(conf), sets, Stages.settings());
    if (config.spark().master() == null) {
      config = config.with("spark.master=\"local[*]\"");
    }
    SparkSession spark = SparkSessions.create(config);
    AlsParams p = config.get(ModelSettings.SECTION).als();
    String variantsArg = a.get("variants", DEFAULT_VARIANTS);
    List<String> variants =
        variantsArg.equals("none") ? List.of() : List.of(variantsArg.split(","));

    String workStore = output + "/_work";
    Dataset<Row> interactions =
        spark
            .read()
            .schema(WorkSchemas.INTERACTIONS)
            .parquet(workStore + "/interactions/dt=" + date);
    Dataset<Row> userIndex =
        spark.read().schema(WorkSchemas.USER_INDEX).parquet(workStore + "/user_index/dt=" + date);
    Dataset<Row> itemIndex =
        spark.read().schema(WorkSchemas.ITEM_INDEX).parquet(workStore + "/item_index/dt=" + date);
    String densePath = work + "/dense";
    Interactions.toDenseIds(interactions, userIndex, itemIndex)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(densePath);
    Dataset<Row> dense = spark.read().parquet(densePath);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "als");
    result.put("input", output);
    result.put("date", date);
    result.put("environment", BenchOut.environment(spark));
    result.put("params", p.asMap());
    result.put("interactions", dense.count());
    result.put("users", userIndex.count());
    result.put("items", itemIndex.count());

    // Every fit runs next to a bare fit of its own (the order alternates), and its ratio is taken
    // against that neighbour: on a shared machine the load drifts within minutes.
    List<String> names = new ArrayList<>(List.of("ours"));
    names.addAll(variants);
    Map<String, double[]> seconds = new LinkedHashMap<>();
    Map<String, double[]> pairedBare = new LinkedHashMap<>();
    names.forEach(
        n -> {
          seconds.put(n, new double[runs]);
          pairedBare.put(n, new double[runs]);
        });
    List<Double> bareAll = new ArrayList<>();
    // A warm-up fit, not counted: JIT, the BLAS library, the Parquet reader.
    fitBare(dense, p, UnaryOperator.identity());
    for (int r = 0; r < runs; r++) {
      for (int j = 0; j < names.size(); j++) {
        String name = names.get(j);
        boolean bareFirst = (r + j) % 2 == 0;
        double b = bareFirst ? fitBare(dense, p, UnaryOperator.identity()) : 0;
        double s =
            name.equals("ours")
                ? fitOurs(interactions, userIndex, itemIndex, p)
                : fitBare(dense, p, variant(name));
        if (!bareFirst) {
          b = fitBare(dense, p, UnaryOperator.identity());
        }
        seconds.get(name)[r] = s;
        pairedBare.get(name)[r] = b;
        bareAll.add(b);
        LOG.info(
            "[bench] als round {} {}: {} s, its bare neighbour {} s",
            r + 1,
            name,
            BenchStats.round(s),
            BenchStats.round(b));
      }
    }
    Map<String, Object> fits = new LinkedHashMap<>();
    Map<String, Object> bareFits = new LinkedHashMap<>();
    bareFits.put(
        "seconds", BenchStats.summary(bareAll.stream().mapToDouble(Double::doubleValue).toArray()));
    fits.put("bare", bareFits);
    for (String name : names) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seconds", BenchStats.summary(seconds.get(name)));
      m.put("paired_bare_seconds", BenchStats.summary(pairedBare.get(name)));
      m.put(
          "ratio_vs_bare",
          BenchStats.summary(BenchStats.ratios(seconds.get(name), pairedBare.get(name))));
      fits.put(name, m);
    }
    result.put("fits", fits);
    BenchOut.write(a.required("json"), result);
    System.out.println(Json.write(result));
    spark.stop();
  }

  /** As the model stage's "train als" step does it: dense ids from the indexes, then the fit. */
  private static double fitOurs(
      Dataset<Row> interactions, Dataset<Row> userIndex, Dataset<Row> itemIndex, AlsParams p) {
    long t0 = System.nanoTime();
    TrainSet full = TrainSet.of(interactions, userIndex, itemIndex);
    try {
      if (!full.dense().isEmpty()) {
        AlsTrainer.fit(full.dense(), p);
      }
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      full.dense().unpersist();
    }
  }

  /** Spark's ALS with the same parameters, on dense rows read from Parquet. */
  private static double fitBare(Dataset<Row> dense, AlsParams p, UnaryOperator<ALS> change) {
    ALS als =
        new ALS()
            .setImplicitPrefs(true)
            .setUserCol("uid")
            .setItemCol("iid")
            .setRatingCol("strength")
            .setRank(p.rank())
            .setRegParam(p.regParam())
            .setAlpha(p.alpha())
            .setMaxIter(p.maxIter())
            .setSeed(p.seed())
            .setCheckpointInterval(p.checkpointInterval())
            .setNumBlocks(p.blocks());
    als = change.apply(als);
    long t0 = System.nanoTime();
    als.fit(dense); // ALS materialises both factor RDDs before fit returns
    return (System.nanoTime() - t0) / 1e9;
  }

  /** blocks=N, checkpoint=off|N, intermediate=LEVEL, final=LEVEL. */
  static UnaryOperator<ALS> variant(String name) {
    if (name.equals("bare")) {
      return UnaryOperator.identity();
    }
    String[] kv = name.split("=", 2);
    return switch (kv[0]) {
      case "blocks" -> als -> als.setNumBlocks(Integer.parseInt(kv[1]));
      case "checkpoint" ->
          als -> als.setCheckpointInterval(kv[1].equals("off") ? -1 : Integer.parseInt(kv[1]));
      case "intermediate" -> als -> als.setIntermediateStorageLevel(kv[1]);
      case "final" -> als -> als.setFinalStorageLevel(kv[1]);
      default -> throw new IllegalArgumentException("unknown ALS variant '" + name + "'");
    };
  }
}
