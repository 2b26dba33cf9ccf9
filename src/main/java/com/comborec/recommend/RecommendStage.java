package com.comborec.recommend;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.comborec.core.Figures;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.metrics.ExposureMetrics;
import com.comborec.model.ModelSettings;
import com.comborec.responsible.Diversify;
import com.comborec.responsible.DiversifyLists;
import com.comborec.responsible.ResponsibleSettings;
import com.comborec.scoring.TopN;
import com.comborec.store.TableWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds the recommendations table: personal candidates of the serving model (the model stage's
 * {@code served_lists} for EASE, item-kNN, a blend or the ranker; ALS scored here by {@link TopN};
 * co-occurrence neighbours of each user's items) for users with enough history, popularity for the
 * rest and to fill short lists, with every filter applied, ranked, reasoned and staged.
 */
public final class RecommendStage implements Stage<RecommendResult> {
  private final List<Dataset<Row>> cached = new ArrayList<>();

  /** Users TopN scored in this run; null when ALS does not serve. */
  private Long alsUsersScored;

  @Override
  public String name() {
    return "recommend";
  }

  @Override
  public String description() {
    return "model.json, served_lists (or factors, cooc), popularity, segments + events, products,"
        + " feedback -> recommendations";
  }

  @Override
  public List<SettingsSection<?>> settings() {
    return List.of(RecommendSettings.SECTION, ResponsibleSettings.SECTION);
  }

  @Override
  public RecommendResult run(RunContext ctx) {
    alsUsersScored = null;
    RecommendSettings s = ctx.config().get(RecommendSettings.SECTION);
    RecommendInputs in = ctx.step("read inputs", () -> RecommendInputs.read(ctx, s));
    try {
      Filters filters = filters(in, ctx.config().get(ModelSettings.SECTION).repeatPurchase());
      Dataset<Row> strategies = keep(strategies(in, s));
      Dataset<Row> candidates =
          personalCandidates(ctx, in, strategies, filters, s)
              .unionByName(
                  PopularityFill.candidates(
                      strategies, in.segmentPopularity(), in.popularity(), s.candidatePool()));
      Diversify diversify = ctx.step("prepare diversity control", () -> diversify(ctx, in));
      Dataset<Row> lists =
          Ranking.rankLists(
              withItemSignals(candidates, in),
              strategies,
              filters.excluded(),
              filters.available(),
              s.topN(),
              diversify);
      // assemble re-applies the contract schema through an RDD; with adaptive execution, taking
      // the RDD runs every shuffle of the ranking, so that time gets a step of its own in the log.
      Dataset<Row> table =
          ctx.step("rank lists", () -> Ranking.assemble(strategies, lists, in.model()));
      long users = TableWriter.stage(ctx, "recommendations", table);
      Map<String, Object> responsible = new LinkedHashMap<>(diversitySettings(ctx));
      responsible.putAll(ctx.step("measure exposure", () -> measureExposure(ctx, in, filters)));
      return new RecommendResult(
          summary(ctx, in.model(), users), Figures.nest(responsible, "responsible"));
    } finally {
      cached.forEach(Dataset::unpersist);
      cached.clear();
    }
  }

  /**
   * Adds each candidate's category (for the diversity control) and its category's market boost and
   * rising flag (1 and false without market signals).
   */
  private static Dataset<Row> withItemSignals(Dataset<Row> candidates, RecommendInputs in) {
    Dataset<Row> items = in.products().select("item_id", "category");
    if (in.itemBoosts() != null) {
      items =
          items.join(
              in.itemBoosts().select("item_id", "boost", "rising"),
              new String[] {"item_id"},
              "left");
    } else {
      items = items.withColumn("boost", lit(1.0)).withColumn("rising", lit(false));
    }
    return candidates
        .join(items, new String[] {"item_id"}, "left")
        .withColumn("boost", coalesce(col("boost"), lit(1.0)))
        .withColumn("rising", coalesce(col("rising"), lit(false)));
  }

  /**
   * The run's re-ranker: off unless {@code comborec.responsible} turns an option on; collects the
   * similar-item pairs (MMR) and the purchase counts (debias) only when those options need them.
   */
  private static Diversify diversify(RunContext ctx, RecommendInputs in) {
    ResponsibleSettings r = ctx.config().get(ResponsibleSettings.SECTION);
    if (!r.enabled()) {
      return Diversify.off();
    }
    if (r.mmrOn() && in.similar() == null) {
      throw new IllegalStateException(
          "responsible.mmr-lambda < 1 needs the combos stage's similar pairs at "
              + ctx.layout().work("similar")
              + ": run the combos stage for this day first");
    }
    return DiversifyLists.prepare(r, in.similar(), ExposureMetrics.purchaseCounts(in.events()));
  }

  /** Items anyone may get, each user's purchases, and each user's excluded items. */
  private record Filters(Dataset<Row> available, Dataset<Row> purchases, Dataset<Row> excluded) {}

  private Filters filters(RecommendInputs in, boolean repeatPurchase) {
    Dataset<Row> purchases = keep(Exclusions.purchases(in.events()));
    Dataset<Row> dismissals = Exclusions.dismissals(in.feedback(), in.dismissFrom());
    return new Filters(
        keep(Exclusions.availableItems(in.products())),
        purchases,
        keep(Exclusions.userExclusions(purchases, dismissals, repeatPurchase)));
  }

  /** Every known user with segment, eligibility for a personal list, and fallback strategy. */
  private static Dataset<Row> strategies(RecommendInputs in, RecommendSettings s) {
    Dataset<Row> known = Fallback.knownUsers(in.segments(), in.users(), in.events());
    Dataset<Row> modelUsers = in.model().usesAls() ? modelUsers(in) : null;
    boolean segmentFallback = in.segmentPopularity() != null;
    return Fallback.strategies(
        known, in.interactions(), modelUsers, in.model(), segmentFallback, s);
  }

  /**
   * Priority-0 candidates of the serving model, best pool per user; empty when popularity serves.
   */
  private Dataset<Row> personalCandidates(
      RunContext ctx, RecommendInputs in, Dataset<Row> strategies, Filters f, RecommendSettings s) {
    ModelInfo model = in.model();
    Dataset<Row> scored =
        switch (model.serving()) {
          case ALS -> alsCandidates(ctx, in, strategies, f, s.candidatePool());
          case COOCCURRENCE ->
              CooccurrenceCandidates.top(
                  eligible(in.interactions(), strategies),
                  f.purchases(),
                  f.excluded(),
                  f.available(),
                  in.cooc(),
                  s.candidatePool());
          case EASE, ITEM_KNN, BLEND, RANKER ->
              Exclusions.drop(
                  PersonalCandidates.served(eligible(in.servedLists(), strategies)),
                  f.excluded(),
                  f.available());
          case POPULAR -> ctx.spark().createDataFrame(List.of(), PersonalCandidates.SCHEMA);
        };
    Dataset<Row> columns =
        scored.select("user_id", "item_id", "score", "reason", "because_item_id");
    return PersonalCandidates.topPerUser(columns, s.candidatePool())
        .withColumn("priority", lit(Codes.PERSONAL_PRIORITY));
  }

  /** TopN over eligible users and available items, each user's exclusions masked in the block. */
  private Dataset<Row> alsCandidates(
      RunContext ctx, RecommendInputs in, Dataset<Row> strategies, Filters f, int k) {
    Dataset<Row> users =
        in.userFactors()
            .join(eligible(in.userIndex(), strategies).select(col("uid").as("id")), "id");
    // Not persisted although TopN reads it twice (shape, then collect): it is catalog-sized, and a
    // cached relation nested in the cached top-N plan made Spark 4.1 fail on a retried task
    // (NullPointerException in CacheManager.recacheByPlan; seen with task retries under
    // local[2,4]).
    Dataset<Row> items =
        in.itemFactors()
            .join(in.itemIndex().join(f.available(), "item_id").select(col("iid").as("id")), "id");
    Dataset<Row> excluded = Exclusions.indexed(f.excluded(), in.userIndex(), in.itemIndex());
    int blockSize = ctx.config().get(RecommendSettings.SECTION).blockSize();
    Dataset<Row> topN = keep(TopN.recommend(users, items, excluded, k, blockSize));
    alsUsersScored = ctx.step("score als top-" + k, topN::count);
    return PersonalCandidates.fromTopN(topN, in.userIndex(), in.itemIndex());
  }

  /** Rows of {@code byUser} whose user_id is an eligible user. */
  private static Dataset<Row> eligible(Dataset<Row> byUser, Dataset<Row> strategies) {
    return byUser.join(
        strategies.filter(col("eligible")).select("user_id"),
        new String[] {"user_id"},
        "left_semi");
  }

  /** (user_id) of users with ALS factors. */
  private static Dataset<Row> modelUsers(RecommendInputs in) {
    return in.userIndex()
        .join(in.userFactors().select(col("id").as("uid")), "uid")
        .select("user_id");
  }

  private Dataset<Row> keep(Dataset<Row> ds) {
    Dataset<Row> persisted = ds.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  /** The diversity control's settings, under responsible.settings when it is on. */
  private static Map<String, Object> diversitySettings(RunContext ctx) {
    ResponsibleSettings r = ctx.config().get(ResponsibleSettings.SECTION);
    Map<String, Object> out = new LinkedHashMap<>();
    if (r.enabled()) {
      out.put("responsible.settings.max_per_category", r.maxPerCategory());
      out.put("responsible.settings.mmr_lambda", r.mmrLambda());
      out.put("responsible.settings.popularity_debias_power", r.popularityDebiasPower());
    }
    return out;
  }

  /** Coverage, Gini, long tail, novelty and diversity of the staged lists (dotted keys). */
  private static Map<String, Object> measureExposure(
      RunContext ctx, RecommendInputs in, Filters f) {
    Dataset<Row> catalog =
        f.available().join(in.products().select("item_id", "category"), "item_id");
    return new LinkedHashMap<>(
        ExposureMetrics.figures(staged(ctx), catalog, ExposureMetrics.purchaseCounts(in.events())));
  }

  private static Dataset<Row> staged(RunContext ctx) {
    return ctx.spark()
        .read()
        .parquet(ctx.layout().staged(ctx.layout().relativeTable("recommendations")));
  }

  /** Users per strategy and list-length figures, read back from the small staged table. */
  private RecommendResult.Recommend summary(RunContext ctx, ModelInfo model, long users) {
    int topN = ctx.config().get(RecommendSettings.SECTION).topN();
    Column length = size(col("items"));
    Map<String, Long> strategies = new TreeMap<>();
    long shortLists = 0;
    long emptyLists = 0;
    // One small pass: a row per strategy (at most five).
    for (Row r :
        staged(ctx)
            .groupBy("strategy")
            .agg(
                count("*"),
                sum(when(length.lt(topN), 1).otherwise(0)),
                sum(when(length.equalTo(0), 1).otherwise(0)))
            .collectAsList()) {
      strategies.put(r.getString(0), r.getLong(1));
      shortLists += r.getLong(2);
      emptyLists += r.getLong(3);
    }
    return new RecommendResult.Recommend(
        users,
        model.serving().code(),
        model.modelVersion(),
        strategies,
        shortLists,
        emptyLists,
        alsUsersScored,
        // As the driver sees it; executors choose the same way (native sgemm when a BLAS loads).
        alsUsersScored == null ? null : TopN.kernel());
  }
}
