package com.comborec.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.comborec.contract.Source;
import com.comborec.core.ComborecException;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.features.InteractionSettings;
import com.comborec.ingest.IngestSettings;
import com.comborec.model.candidates.GeneratorSettings;
import com.comborec.model.candidates.TrainingData;
import com.comborec.model.evaluation.Metrics;
import com.comborec.model.evaluation.Protocol;
import com.comborec.model.evaluation.RollingEvaluation;
import com.comborec.model.evaluation.ServedLists;
import com.comborec.model.evaluation.Snapshots;
import com.comborec.model.ranker.Ranker;
import com.comborec.store.ValidatedStore;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses what serves by measuring every option at the recent cutoffs (rolling origin, see {@link
 * RollingEvaluation}), applies the model quality gate, then builds the chosen option's lists for
 * every user from all the data up to the run day, and leaves them, the popularity fallbacks and
 * {@code model.json} in the work store for the recommend stage.
 */
public final class ModelStage implements Stage<ModelResult> {
  public static final String MODEL = "model";
  private static final Logger LOG = LoggerFactory.getLogger(ModelStage.class);

  @Override
  public String name() {
    return "model";
  }

  @Override
  public String description() {
    return "validated events -> options measured at recent cutoffs, serving choice, gate, served"
        + " lists, popularity, model.json";
  }

  @Override
  public List<SettingsSection<?>> settings() {
    return List.of(ModelSettings.SECTION);
  }

  @Override
  public ModelResult run(RunContext ctx) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    Protocol protocol = protocol(ctx, s);
    Dataset<Row> events = history(ctx, protocol).persist(StorageLevel.MEMORY_AND_DISK());
    Snapshots snapshots = snapshots(ctx);
    StoredWork store = new StoredWork(ctx, protocol);
    try (RollingEvaluation evaluation =
        new RollingEvaluation(events, protocol, snapshots, ctx.runDate(), store)) {
      RollingEvaluation.Selection selection =
          ctx.step("measure options at recent cutoffs", () -> evaluation.select(ctx.runDate()));
      String list = servingList(s, protocol, selection);
      Optional<Ranker.Fitted> ranker =
          servingOf(list) == Serving.RANKER
              ? evaluation.rankerFor(ctx.runDate())
              : Optional.empty();
      // Every cutoff is measured and the serving ranker trained: free the cutoffs' cached frames
      // and their Gram and weight matrices on the driver before the serving lists, the stage's
      // largest step, needs the heap (at 5M events it ran close to -Xmx8g with them kept).
      evaluation.forgetBefore(ctx.runDate());
      prune(ctx, store);
      if (servingOf(list) == Serving.RANKER && ranker.isEmpty()) {
        // Pinned, yet no training cutoff had the history: say so and serve what the rule chose.
        ctx.warn(
            "model.serving = ranker, but the ranker could not be trained for "
                + ctx.runDate()
                + " (too little history before its training cutoffs); serving "
                + selection.choice().option()
                + ", the rule's choice");
        list = selection.choice().option();
      }
      Serving serving = servingOf(list);
      Map<String, Object> params = ModelVersion.params(ctx.config());
      String version = ModelVersion.of(serving.code(), ctx.runDate(), params);
      ModelResult.Model model =
          summary(ctx, selection, serving, list, version, params, ranker, protocol);
      ModelResult.Gate gate = gate(ctx, serving, model);
      ModelOutputs.Written written =
          ModelOutputs.write(ctx, version, serving, events, readSegments(ctx));
      long served = serve(ctx, list, serving, events, protocol, snapshots, ranker.orElse(null));
      if (served >= 0) {
        written.rows().put(WorkDataset.SERVED_LISTS.folder(), served);
      }
      writeDescriptor(ctx, version, serving, list, s, written, params, model);
      return new ModelResult(model.with(gate, written.figures()));
    } finally {
      events.unpersist();
    }
  }

  /** Deletes what no later night can find in the model store; a failure costs disk, not the run. */
  private static void prune(RunContext ctx, StoredWork store) {
    try {
      int deleted = ctx.step("prune the model store", () -> store.prune(ctx.runDate())).size();
      LOG.info("model store: {} folder(s) or file(s) no later night can find deleted", deleted);
    } catch (RuntimeException e) {
      ctx.warn("could not prune the model store: " + e.getMessage());
    }
  }

  /** The pinned list, or the one the rule chose. */
  private static String servingList(
      ModelSettings s, Protocol protocol, RollingEvaluation.Selection selection) {
    if (s.serving().equals("auto")) {
      return selection.choice().option();
    }
    Serving pinned = Serving.of(s.serving());
    if (pinned == Serving.BLEND) {
      return Protocol.blend(s.blendWeights().get(0));
    }
    // Popular is the first popularity list, measured or not (a day may have no cutoff to measure).
    return pinned == Serving.POPULAR ? protocol.popularity().get(0).code() : pinned.code();
  }

  /** The serving candidate of an evaluated list (blend_0.25 is blend; pop7 is popular). */
  static Serving servingOf(String list) {
    if (list.startsWith("blend_")) {
      return Serving.BLEND;
    }
    for (Serving s : Serving.values()) {
      if (s.code().equals(list)) {
        return s;
      }
    }
    return Serving.POPULAR;
  }

  /**
   * The chosen option's lists for every known user of the window, written as {@code served_lists};
   * -1 when the serving candidate has none of its own (popular, or ALS and co-occurrence, which the
   * recommend stage scores from their work datasets).
   */
  private static long serve(
      RunContext ctx,
      String list,
      Serving serving,
      Dataset<Row> events,
      Protocol protocol,
      Snapshots snapshots,
      Ranker.Fitted ranker) {
    if (!serving.personal() || serving.usesAls() || serving.usesCooccurrence()) {
      return -1;
    }
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    TrainingData data =
        new TrainingData(
            ctx.runDate(),
            TrainingData.upTo(events, ctx.runDate(), ctx.config().lookbackDays()),
            protocol.generators(),
            s.repeatPurchase());
    try {
      Dataset<Row> users =
          data.events().filter(col("user_id").isNotNull()).select("user_id").distinct();
      return WorkStore.write(
          ctx,
          WorkDataset.SERVED_LISTS,
          ServedLists.build(list, data, users, s.servingDepth(), protocol, snapshots, ranker));
    } finally {
      data.close();
    }
  }

  private static ModelResult.Model summary(
      RunContext ctx,
      RollingEvaluation.Selection selection,
      Serving serving,
      String list,
      String version,
      Map<String, Object> params,
      Optional<Ranker.Fitted> ranker,
      Protocol protocol) {
    selection
        .table()
        .forEach(
            (name, byCutoff) ->
                byCutoff.forEach(
                    (c, m) ->
                        LOG.info(
                            "{} at {}: NDCG@K {} P@K {} R@K {} MAP@K {} coverage {} over {} users",
                            name,
                            c,
                            Metrics.round(m.ndcg()),
                            Metrics.round(m.precision()),
                            Metrics.round(m.recall()),
                            Metrics.round(m.map()),
                            Metrics.round(m.coverage()),
                            m.users())));
    LOG.info(
        "serving {} ({}) as {}: {}", serving.code(), list, version, selection.choice().reason());
    List<String> options = new ArrayList<>(selection.table().keySet());
    options.removeAll(protocol.popularityLists());
    Map<String, Integer> users = new LinkedHashMap<>();
    selection.cutoffs().forEach(c -> users.put(c.toString(), usersAt(selection, c)));
    return new ModelResult.Model(
        version,
        params,
        serving.code(),
        list,
        Metrics.round(selection.servedNdcg()),
        selection.choice().reason(),
        new ModelResult.Eval(protocol.k(), protocol.forwardDays(), users),
        ModelResult.table(selection.table()),
        ModelResult.means(selection.table(), options),
        ModelResult.means(selection.table(), protocol.popularityLists()),
        ranker
            .map(
                r ->
                    new ModelResult.RankerFigures(
                        protocol.rankerCutoffs(ctx.runDate()).stream()
                            .map(LocalDate::toString)
                            .toList(),
                        r.importances()))
            .orElse(null),
        null,
        null);
  }

  private static int usersAt(RollingEvaluation.Selection selection, LocalDate c) {
    return selection.table().values().stream()
        .map(m -> m.get(c))
        .filter(m -> m != null)
        .mapToInt(m -> (int) m.users())
        .max()
        .orElse(0);
  }

  /** The model quality gate on the serving list's mean NDCG@K; a refusal carries the figures. */
  static ModelResult.Gate gate(RunContext ctx, Serving serving, ModelResult.Model model) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    if (!s.gate().active() || model.eval().usersByCutoff().isEmpty()) {
      String status =
          !s.gate().enabled()
              ? "disabled"
              : s.gate().override() ? "overridden" : "skipped_nothing_evaluated";
      return new ModelResult.Gate(status, null, null);
    }
    Verdict verdict = verdict(ctx, serving.code(), model.servingNdcgAtK());
    if (verdict.refusal() != null) {
      throw verdict.refusal().withPartialResult(new ModelResult(model.with(verdict.gate(), null)));
    }
    return verdict.gate();
  }

  /** The gate's figures, and the refusal to throw (null when the run may go on). */
  record Verdict(ModelResult.Gate gate, ComborecException refusal) {}

  /** Compares the serving NDCG@K with the previous published run's. */
  static Verdict verdict(RunContext ctx, String serving, double ndcg) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    Optional<ModelGate.Previous> previous =
        ModelGate.previousPublished(ctx.fs(), ctx.layout().manifestsRoot(), ctx.runDate());
    String previousDay = previous.map(p -> p.runDate().toString()).orElse(null);
    Double previousNdcg = previous.map(ModelGate.Previous::ndcg).orElse(null);
    try {
      ModelGate.enforce(serving, ndcg, previous, s.gate(), s.k());
    } catch (ComborecException e) {
      return new Verdict(new ModelResult.Gate("refused", previousDay, previousNdcg), e);
    }
    String status = previous.isEmpty() ? "passed_no_previous" : "passed";
    return new Verdict(new ModelResult.Gate(status, previousDay, previousNdcg), null);
  }

  private static void writeDescriptor(
      RunContext ctx,
      String version,
      Serving serving,
      String list,
      ModelSettings s,
      ModelOutputs.Written written,
      Map<String, Object> params,
      ModelResult.Model model) {
    String alsPath = ModelOutputs.modelPath(ctx, version);
    ModelDescriptor descriptor =
        new ModelDescriptor(
            ctx.runDate(),
            version,
            serving,
            list,
            s,
            List.copyOf(written.rows().keySet()),
            ctx.fs().exists(alsPath) ? alsPath : null,
            params,
            model.candidates(),
            model.reason());
    ctx.step(
        "write model.json",
        () -> {
          ctx.fs()
              .writeStringAtomically(ctx.layout().work(MODEL) + "/model.json", descriptor.toJson());
          ctx.fs()
              .writeStringAtomically(
                  ctx.layout().models() + "/" + version + "/model.json", descriptor.toJson());
        });
  }

  /** How lists are measured, from the model, ingest and interaction settings. */
  public static Protocol protocol(RunContext ctx, ModelSettings s) {
    GeneratorSettings generators =
        new GeneratorSettings(
            s.ease().lambda(),
            s.ease().maxItems(),
            s.als(),
            s.coocNeighbors(),
            s.coocMaxUserItems(),
            ctx.config().get(IngestSettings.SECTION).eventTypeWeights(),
            ctx.config().get(InteractionSettings.SECTION),
            ctx.config().timeZone());
    List<String> options = new ArrayList<>(s.eval().options().stream().map(Serving::code).toList());
    if (!s.serving().equals("auto")
        && !options.contains(s.serving())
        && !"popular".equals(s.serving())) {
      options.add(s.serving()); // a pinned option is measured too: the gate compares its figure
    }
    return new Protocol(
        s.k(),
        s.eval().cutoffs(),
        s.eval().forwardDays(),
        s.eval().maxUsers(),
        s.eval().minHistoryDays(),
        ctx.config().lookbackDays(),
        options,
        s.eval().popularity(),
        s.blendWeights(),
        generators,
        s.ranker(),
        false,
        s.eval().cutoffAnchor());
  }

  /**
   * Validated events of every day a cutoff may read: the look-back window before the oldest cutoff
   * (ranker training cutoffs included) up to the run day.
   */
  static Dataset<Row> history(RunContext ctx, Protocol p) {
    int back = p.lookbackDays() + p.lookBehindDays();
    return ValidatedStore.daily(
        ctx, Source.EVENTS, ctx.runDate().minusDays(back - 1L), ctx.runDate());
  }

  public static Snapshots snapshots(RunContext ctx) {
    return new Snapshots() {
      @Override
      public Dataset<Row> products(LocalDate day) {
        return ValidatedStore.snapshot(ctx, Source.PRODUCTS, day);
      }

      @Override
      public Dataset<Row> users(LocalDate day) {
        return ValidatedStore.snapshot(ctx, Source.USERS, day);
      }
    };
  }

  /** This run day's segments, or null when the segment stage has not left any. */
  public static Dataset<Row> readSegments(RunContext ctx) {
    Optional<Dataset<Row>> segments = WorkStore.readIfPresent(ctx, WorkDataset.SEGMENTS);
    if (segments.isEmpty()) {
      LOG.info("no segments for {}: segment popularity is skipped", ctx.runDate());
    }
    return segments.orElse(null);
  }

  /** Active items of the catalog snapshot; without a snapshot, the items seen in the window. */
  static long catalogSize(RunContext ctx) {
    long active = ValidatedStore.products(ctx).filter(coalesce(col("active"), lit(true))).count();
    if (active > 0) {
      return active;
    }
    return ValidatedStore.events(ctx, ctx.config().lookbackDays())
        .select("item_id")
        .distinct()
        .count();
  }
}
