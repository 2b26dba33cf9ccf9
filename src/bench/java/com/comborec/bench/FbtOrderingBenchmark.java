package com.comborec.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.comborec.cli.PipelineRunner;
import com.comborec.cli.Stages;
import com.comborec.combos.CombosSettings;
import com.comborec.combos.FbtChoice;
import com.comborec.combos.FbtMeasure;
import com.comborec.combos.FbtOrder;
import com.comborec.combos.FbtSettings;
import com.comborec.combos.FrequentlyBoughtTogether;
import com.comborec.contract.Source;
import com.comborec.core.ComboConfig;
import com.comborec.core.ExitCode;
import com.comborec.core.RunContext;
import com.comborec.core.SparkSessions;
import com.comborec.ingest.IngestStage;
import com.comborec.store.ValidatedStore;
import java.io.File;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Hit rate@k of every companion ordering against popularity companions, measured by the product's
 * own code ({@link FbtMeasure}, the nightly's measurement) on two real data sets: Groceries with a
 * seeded 80/20 basket split, and Online Retail (contract layout, validated by the product's ingest)
 * with the nightly's time split on chosen run days. Prints a table and writes JSON.
 */
public final class FbtOrderingBenchmark {
  private static final String USAGE =
      "usage: FbtOrderingBenchmark --work DIR --json FILE [--groceries FILE] [--seeds 42,7,2024]"
          + " [--online-retail DIR] [--run-days 2011-07-06,2011-08-03,2011-08-31]"
          + " [--lookback-days 208] [--small-max-items 3] [--conf FILE] [--set key=value]...";

  private FbtOrderingBenchmark() {}

  public static void main(String[] args) {
    BenchArgs a = new BenchArgs(args, USAGE);
    String work = Path.of(a.required("work")).toAbsolutePath().normalize().toString();
    List<String> sets = new ArrayList<>(a.all("set"));
    sets.add("output=\"" + work + "/online-retail\"");
    sets.add("lookback-days=" + a.intValue("lookback-days", 208));
    sets.add("spark.checkpoint-dir=\"" + work + "/_checkpoints\"");
    String conf = a.get("conf", System.getenv("COMBOREC_CONF"));
    ComboConfig config =
        ComboConfig.load(conf == null ? null : new File(conf), sets, Stages.settings());
    if (config.spark().master() == null) {
      config = config.with("spark.master=\"local[*]\"");
    }
    FbtSettings s = config.get(CombosSettings.SECTION).fbt();
    int small = a.intValue("small-max-items", 3);
    SparkSession spark = SparkSessions.create(config);
    List<FbtTable.Row> rows = new ArrayList<>();
    String groceries = a.get("groceries", null);
    if (groceries != null) {
      for (String seed : a.get("seeds", "42,7,2024").split(",")) {
        rows.addAll(progress(groceries(spark, groceries, Long.parseLong(seed.trim()), s, small)));
      }
    }
    String retail = a.get("online-retail", null);
    if (retail != null) {
      // The input root may not hold a ".." segment.
      String root = Path.of(retail).toAbsolutePath().normalize().toString();
      ComboConfig withInput = config.with("input=\"" + root + "\"");
      List<LocalDate> days = new ArrayList<>();
      for (String day : a.get("run-days", "2011-07-06,2011-08-03,2011-08-31").split(",")) {
        days.add(LocalDate.parse(day.trim()));
      }
      ingest(spark, withInput, days);
      for (LocalDate day : days) {
        rows.addAll(progress(onlineRetail(spark, withInput, day, s, small)));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "fbt-ordering");
    result.put("settings", s);
    result.put("environment", BenchOut.environment(spark));
    result.put("rows", rows);
    BenchOut.write(a.required("json"), result);
    System.out.println(FbtTable.markdown(rows, s.evalK()));
    spark.stop();
  }

  /** Each row to stderr as it is measured, so a long run shows its figures early. */
  private static List<FbtTable.Row> progress(List<FbtTable.Row> rows) {
    rows.forEach(r -> System.err.println("[fbt] " + r));
    return rows;
  }

  /** Line i of groceries.csv is basket g{i}; a seeded shuffle puts 80% of them in training. */
  static List<FbtTable.Row> groceries(
      SparkSession spark, String file, long seed, FbtSettings s, int small) {
    Dataset<Row> baskets =
        FrequentlyBoughtTogether.baskets(GroceriesInput.events(spark, file)).cache();
    Dataset<Row> training = GroceriesInput.trainingIds(spark, baskets.count(), seed);
    Dataset<Row> train = baskets.join(training, new String[] {"basket_id"}, "left_semi");
    Dataset<Row> test = baskets.join(training, new String[] {"basket_id"}, "left_anti");
    Dataset<Row> products = GroceriesInput.products(spark, baskets);
    String split = "seed " + seed + ", 80/20 baskets";
    List<FbtTable.Row> out = new ArrayList<>();
    out.add(row("groceries", split, "all", FbtMeasure.measure(train, test, products, s), s));
    out.add(
        row(
            "groceries",
            split,
            "2-" + small + " items",
            FbtMeasure.measure(train, test.filter(col("n_items").leq(small)), products, s),
            s));
    baskets.unpersist();
    return out;
  }

  /** The nightly's split for run day D: the last eval-days held out, the look-back before. */
  static List<FbtTable.Row> onlineRetail(
      SparkSession spark, ComboConfig config, LocalDate day, FbtSettings s, int small) {
    RunContext ctx = new RunContext(spark, config, day, "fbt-bench-" + day);
    Dataset<Row> baskets =
        FrequentlyBoughtTogether.baskets(ValidatedStore.events(ctx, config.lookbackDays())).cache();
    Dataset<Row> products = ValidatedStore.products(ctx);
    LocalDate from = FbtMeasure.heldOutFrom(day, s);
    Dataset<Row> train = baskets.filter(col("day").lt(lit(Date.valueOf(from))));
    Dataset<Row> test = baskets.filter(col("day").geq(lit(Date.valueOf(from))));
    String split =
        String.format(
            "train %s..%s, held out %s..%s",
            day.minusDays(config.lookbackDays() - 1L), from.minusDays(1), from, day);
    List<FbtTable.Row> out = new ArrayList<>();
    out.add(row("online-retail", split, "all", FbtMeasure.lastDays(baskets, day, products, s), s));
    out.add(
        row(
            "online-retail",
            split,
            "2-" + small + " items",
            FbtMeasure.measure(train, test.filter(col("n_items").leq(small)), products, s),
            s));
    baskets.unpersist();
    return out;
  }

  /**
   * Validates the look-back window of each run day, oldest first (the look-back bounds how far back
   * a run reads raw events); a day already validated is not ingested again.
   */
  static void ingest(SparkSession spark, ComboConfig config, List<LocalDate> days) {
    for (LocalDate day : days.stream().sorted().toList()) {
      RunContext probe = new RunContext(spark, config, day, "fbt-bench-probe");
      if (ValidatedStore.partitionDays(probe, Source.EVENTS).contains(day)) {
        continue;
      }
      ExitCode code = PipelineRunner.run(spark, config, day, List.of(new IngestStage()), false);
      if (code != ExitCode.PUBLISHED) {
        throw new IllegalStateException("ingest of " + day + " ended with " + code);
      }
    }
  }

  static FbtTable.Row row(
      String data, String split, String heldOut, FbtMeasure.Figures f, FbtSettings s) {
    Map<String, Double> rates = new LinkedHashMap<>();
    for (FbtOrder order : FbtOrder.values()) {
      rates.put(order.code(), f.hitRate(order));
    }
    FbtChoice choice = FbtChoice.choose(s, f);
    return new FbtTable.Row(
        data,
        split,
        heldOut,
        f.trainingBaskets(),
        f.heldOutBaskets(),
        f.anchorPairs(),
        rates,
        choice.order().code(),
        choice.reason().code());
  }
}
