package com.comborec.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import com.comborec.bundle.BundleCandidates;
import com.comborec.bundle.BundleSettings;
import com.comborec.combos.FrequentlyBoughtTogether;
import com.comborec.combos.HoldoutHits;
import com.comborec.contract.Source;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.store.ValidatedStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code measure-combos}: how published companions and bundles fare on later real baskets. */
@Command(
    name = "measure-combos",
    mixinStandardHelpOptions = true,
    header = "Measure a published day's companions and bundles on later real baskets.",
    description = {
      "Measure a published day's frequently-bought-together and bundles on later baskets,",
      "against the globally most popular items and random bundles from the same candidates.",
      "The holdout days must be ingested first (e.g. run ingest --date <to>)."
    })
final class MeasureCombosCommand implements Callable<Integer> {
  @Option(
      names = "--date",
      required = true,
      description = "The published day whose tables are measured.")
  String date;

  @Option(names = "--from", required = true, description = "First holdout day.")
  String from;

  @Option(names = "--to", required = true, description = "Last holdout day.")
  String to;

  @Option(
      names = "--top",
      defaultValue = "5",
      description = "Companions per item (default ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--trials",
      defaultValue = "20",
      description = "Random bundle draws (default ${DEFAULT-VALUE}).")
  int trials;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    ComboConfig config = options.load();
    return SparkCommand.withSpark(config, spark -> measure(spark, config));
  }

  private int measure(SparkSession spark, ComboConfig config) {
    RunContext ctx = new RunContext(spark, config, DateOption.parse("--date", date), "measure");
    Dataset<Row> holdout =
        ValidatedStore.daily(
            ctx, Source.EVENTS, DateOption.parse("--from", from), DateOption.parse("--to", to));
    Dataset<Row> baskets = HoldoutHits.basketItems(holdout).cache();
    long total = baskets.select("basket_id").distinct().count();
    if (total == 0) {
      throw ComborecException.usage(
          "no holdout baskets between %s and %s: run ingest for those days first", from, to);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("holdout_baskets", total);
    out.put("companions", companions(ctx, baskets));
    out.put("bundles", bundles(ctx, baskets));
    Map<String, Object> manifest = Json.readMap(ctx.fs().readString(ctx.layout().manifest()));
    out.put("bundle_solves", ((Map<?, ?>) manifest.getOrDefault("bundle", Map.of())).get("solves"));
    String json = Json.write(out);
    ctx.fs()
        .writeStringAtomically(
            config.paths().output() + "/_measure/combos-" + date + ".json", json);
    System.out.println(json);
    return 0;
  }

  private Map<String, Object> companions(RunContext ctx, Dataset<Row> baskets) {
    Dataset<Row> fbt =
        ctx.spark()
            .read()
            .parquet(ctx.layout().table("frequently_bought_together"))
            .select(col("item_id"), explode(col("companions")).as("c"))
            .filter(col("c.rank").leq(top))
            .select(col("item_id"), col("c.item_id").as("other_item_id"));
    long[] model = HoldoutHits.pairHits(baskets, fbt);
    long[] popular = HoldoutHits.pairHits(baskets, popularPairs(ctx, baskets));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("top", top);
    m.put("fbt_hit_share", (double) model[0] / model[1]);
    m.put("popular_hit_share", (double) popular[0] / popular[1]);
    m.put("fbt_hits", model[0]);
    m.put("popular_hits", popular[0]);
    return m;
  }

  /**
   * The baseline: every item's "companions" are the globally most bought items (other than itself).
   */
  private Dataset<Row> popularPairs(RunContext ctx, Dataset<Row> baskets) {
    Dataset<Row> training =
        FrequentlyBoughtTogether.baskets(ValidatedStore.events(ctx, ctx.config().lookbackDays()));
    Dataset<Row> popular =
        training
            .select(explode(col("items")).as("other_item_id"))
            .groupBy("other_item_id")
            .agg(count(lit(1)).as("n"))
            .orderBy(col("n").desc(), col("other_item_id"))
            .limit(top + 1);
    return baskets
        .select("item_id")
        .distinct()
        .crossJoin(popular)
        .filter(col("item_id").notEqual(col("other_item_id")))
        .withColumn(
            "r",
            row_number()
                .over(Window.partitionBy("item_id").orderBy(col("n").desc(), col("other_item_id"))))
        .filter(col("r").leq(top))
        .select("item_id", "other_item_id");
  }

  private Map<String, Object> bundles(RunContext ctx, Dataset<Row> baskets) {
    Dataset<Row> members = ctx.spark().read().parquet(ctx.layout().table("segments"));
    Dataset<Row> published = ctx.spark().read().parquet(ctx.layout().table("bundles"));
    long memberBaskets = HoldoutHits.memberBaskets(baskets, members);
    long hits =
        sumHits(
            HoldoutHits.bundleHits(baskets, members, HoldoutHits.publishedBundleItems(published)));
    long randomHits =
        sumHits(HoldoutHits.bundleHits(baskets, members, randomBundles(ctx, published)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("member_baskets", memberBaskets);
    m.put("bundle_hit_share", memberBaskets == 0 ? 0.0 : (double) hits / memberBaskets);
    m.put(
        "random_hit_share",
        memberBaskets == 0 ? 0.0 : (double) randomHits / trials / memberBaskets);
    m.put("random_trials", trials);
    return m;
  }

  private static long sumHits(Dataset<Row> byTrial) {
    return byTrial.collectAsList().stream().mapToLong(r -> r.getLong(1)).sum();
  }

  /**
   * Random bundles with the published sizes, drawn from each segment's same candidates (seeded).
   */
  private Dataset<Row> randomBundles(RunContext ctx, Dataset<Row> published) {
    Dataset<Row> candidates =
        BundleCandidates.selectCandidates(
            BundleCandidates.segmentPropensity(
                ValidatedStore.events(ctx, ctx.config().lookbackDays()),
                ctx.spark().read().parquet(ctx.layout().table("segments"))),
            BundleCandidates.sellableItems(
                ValidatedStore.products(ctx), ctx.config().get(BundleSettings.SECTION)),
            ctx.config().get(BundleSettings.SECTION));
    Map<Integer, List<String>> pool = new LinkedHashMap<>();
    candidates
        .select("segment_id", "item_id")
        .collectAsList()
        .forEach(
            r -> pool.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r.getString(1)));
    List<Row> rows = new ArrayList<>();
    Random random = new Random(42);
    List<Row> sizes =
        published
            .select(
                col("segment_id"), col("rank"), org.apache.spark.sql.functions.size(col("items")))
            .orderBy("segment_id", "rank")
            .collectAsList();
    for (int t = 1; t <= trials; t++) {
      for (Row b : sizes) {
        List<String> items = new ArrayList<>(pool.getOrDefault(b.getInt(0), List.of()));
        Collections.shuffle(items, random);
        for (String item : items.subList(0, Math.min(b.getInt(2), items.size()))) {
          rows.add(
              RowFactory.create(
                  t, b.getInt(0), "r" + t + "-" + b.getInt(0) + "-" + b.getInt(1), item));
        }
      }
    }
    StructType schema =
        new StructType()
            .add("trial", DataTypes.IntegerType)
            .add("segment_id", DataTypes.IntegerType)
            .add("bundle_id", DataTypes.StringType)
            .add("item_id", DataTypes.StringType);
    return ctx.spark().createDataFrame(rows, schema);
  }
}
