package com.comborec.model.evaluation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.comborec.core.StepTimer;
import com.comborec.model.candidates.Generator;
import com.comborec.model.candidates.Generators;
import com.comborec.model.candidates.Popularity;
import com.comborec.model.candidates.TopItems;
import com.comborec.model.candidates.TrainingData;
import com.comborec.model.itemitem.BlendScores;
import com.comborec.model.ranker.Ranker;
import com.comborec.model.ranker.RankerFeatures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Everything measured at one cutoff: the evaluated users and what they bought next, each list's
 * metrics (computed once, whoever asks), and the labelled feature rows the ranker learns from.
 */
final class CutoffWork implements AutoCloseable {
  private static final StructType PAIRS =
      new StructType()
          .add("user_id", DataTypes.StringType, false)
          .add("item_id", DataTypes.StringType, false);

  private final LocalDate cutoff;
  private final Protocol protocol;
  private final Snapshots snapshots;
  private final TrainingData data;
  private final CutoffSplit split;
  private final Map<String, Metrics> metrics = new LinkedHashMap<>();
  private final List<Dataset<Row>> cached = new ArrayList<>();
  private Dataset<Row> features;
  private Dataset<Row> labelled;
  private Long catalog;

  CutoffWork(LocalDate cutoff, Dataset<Row> events, Protocol p, Snapshots snapshots) {
    this.cutoff = cutoff;
    this.protocol = p;
    this.snapshots = snapshots;
    this.split =
        timed(
            events,
            "split",
            () ->
                CutoffSplit.of(
                    events, cutoff, p.forwardDays(), p.lookbackDays(), p.repeats(), p.maxUsers()));
    this.data = new TrainingData(cutoff, split.train(), p.generators(), p.repeats());
  }

  LocalDate cutoff() {
    return cutoff;
  }

  /** Users evaluated at this cutoff (those with a training event and a relevant item). */
  int users() {
    return split.relevant().size();
  }

  /** Each list's metrics; lists not measured yet are built together and brought in in one pass. */
  synchronized Map<String, Metrics> metrics(List<String> lists, Ranker.Fitted ranker) {
    List<String> missing = lists.stream().filter(l -> !metrics.containsKey(l)).toList();
    if (!missing.isEmpty() && users() > 0) {
      Dataset<Row> all = null;
      for (Dataset<Row> part : lists(missing, ranker)) {
        all = all == null ? part : all.unionByName(part);
      }
      Dataset<Row> union = all;
      Map<String, Map<String, List<String>>> collected =
          timed(union, "lists " + missing, () -> Lists.collect(union, protocol.k()));
      for (String list : missing) {
        metrics.put(
            list,
            ListMetrics.of(
                collected.getOrDefault(list, Map.of()), split.relevant(), protocol.k(), catalog()));
      }
    }
    Map<String, Metrics> out = new LinkedHashMap<>();
    lists.forEach(l -> out.put(l, metrics.getOrDefault(l, Metrics.none())));
    return out;
  }

  /** (list, user_id, item_id, score) of each list for the evaluated users, K deep. */
  private List<Dataset<Row>> lists(List<String> names, Ranker.Fitted ranker) {
    int k = protocol.k();
    List<Dataset<Row>> out = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (String name : names) {
      if (name.equals(Protocol.RANKER)) {
        if (ranker != null) {
          out.add(named(TopItems.perUser(ranker.score(features()), k).drop("rank"), name));
        }
      } else if (name.startsWith("blend_")) {
        weights.add(Protocol.blendWeight(name));
      } else {
        out.add(named(Generators.candidates(Generator.of(name), data, split.users(), k), name));
      }
    }
    if (!weights.isEmpty()) {
      out.add(
          BlendScores.topPerUser(
                  data.purchases(), split.users(), data.ease(), popularity(), weights, k)
              .select(
                  org.apache
                      .spark
                      .sql
                      .functions
                      .concat(lit("blend_"), col("weight").cast("string"))
                      .as("list"),
                  col("user_id"),
                  col("item_id"),
                  col("score")));
    }
    return out;
  }

  private Map<String, Double> popularity() {
    return blendPopularity(data, protocol);
  }

  /** The recent popularity a blend adds: the first floor list's item scores (few items). */
  static Map<String, Double> blendPopularity(TrainingData data, Protocol protocol) {
    Map<String, Double> out = new HashMap<>();
    Dataset<Row> scores = Generators.itemScores(protocol.popularity().get(0), data);
    for (Row r : scores.filter(col("score").gt(0)).collectAsList()) {
      out.put(r.getString(0), r.getDouble(1));
    }
    return out;
  }

  private static Dataset<Row> named(Dataset<Row> scored, String name) {
    return scored.select(lit(name).as("list"), col("user_id"), col("item_id"), col("score"));
  }

  /** The evaluated users' candidates as ranker feature rows (cached). */
  synchronized Dataset<Row> features() {
    if (features == null) {
      List<Generator> gens = protocol.ranker().generators();
      features =
          keep(
              RankerFeatures.assemble(
                  candidates(data, split.users(), gens, protocol.ranker().depth()),
                  gens,
                  RankerFeatures.itemStats(data.events(), qtyPopularity(data), cutoff),
                  snapshots.products(cutoff),
                  // The user figures of the evaluated users only: a few thousand of all users.
                  data.events()
                      .join(broadcast(split.users()), new String[] {"user_id"}, "left_semi"),
                  snapshots.users(cutoff),
                  cutoff));
    }
    return features;
  }

  /** The feature rows labelled with what each user bought next, for training (cached). */
  synchronized Dataset<Row> labelled() {
    if (labelled == null) {
      List<Row> pairs = new ArrayList<>();
      split
          .relevant()
          .forEach((u, items) -> items.forEach(i -> pairs.add(RowFactory.create(u, i))));
      Dataset<Row> relevant = features().sparkSession().createDataFrame(pairs, PAIRS);
      labelled =
          keep(
              Ranker.label(
                  features(),
                  relevant,
                  cutoff.toString(),
                  protocol.ranker().maxNegativesPerUser()));
      // Materialised now: later cutoffs' rankers read it many times.
      timed(labelled, "ranker rows", labelled::count);
    }
    return labelled;
  }

  /** (generator, user_id, item_id, score, rank): every generator's top {@code depth}. */
  static Dataset<Row> candidates(
      TrainingData data, Dataset<Row> users, List<Generator> gens, int depth) {
    Dataset<Row> all = null;
    for (Generator g : gens) {
      Dataset<Row> part =
          TopItems.perUser(Generators.candidates(g, data, users, depth), depth)
              .select(
                  lit(g.code()).as("generator"),
                  col("user_id"),
                  col("item_id"),
                  col("score"),
                  col("rank"));
      all = all == null ? part : all.unionByName(part);
    }
    return all;
  }

  /** The quantity-weighted popularity of the last 30 days (a feature). */
  static Dataset<Row> qtyPopularity(TrainingData data) {
    return Popularity.global(
        data.events(),
        data.settings().eventWeights(),
        data.settings().interactions().quantityDamping(),
        data.cutoff(),
        30);
  }

  /** Active items of the catalog in force: the coverage denominator. */
  private long catalog() {
    if (catalog == null) {
      catalog = snapshots.products(cutoff).filter(coalesce(col("active"), lit(true))).count();
    }
    return catalog;
  }

  /** Runs a step of this cutoff as a timed, named step (log and Spark UI). */
  private <T> T timed(Dataset<Row> any, String step, java.util.function.Supplier<T> body) {
    return StepTimer.timed(
        any.sparkSession().sparkContext(), "model", "cutoff " + cutoff + ": " + step, body);
  }

  /** The relevant items per evaluated user (on the driver). */
  Map<String, Set<String>> relevant() {
    return split.relevant();
  }

  private Dataset<Row> keep(Dataset<Row> ds) {
    Dataset<Row> persisted = ds.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  @Override
  public void close() {
    cached.forEach(Dataset::unpersist);
    cached.clear();
    data.close();
  }
}
