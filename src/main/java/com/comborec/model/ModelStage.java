package com.comborec.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.comborec.core.ComborecException;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.features.InteractionSettings;
import com.comborec.ingest.IngestSettings;
import com.comborec.store.ValidatedStore;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every candidate on a time-based holdout, chooses the serving one, applies the model
 * quality gate, then trains on the whole window and leaves factors, neighbours, popularity and
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
    return "interactions + events -> holdout metrics, gate, ALS factors, cooc, popularity,"
        + " model.json";
  }

  @Override
  public List<SettingsSection<?>> settings() {
    return List.of(ModelSettings.SECTION);
  }

  @Override
  public ModelResult run(RunContext ctx) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    Dataset<Row> events = ValidatedStore.events(ctx, ctx.config().lookbackDays());
    Dataset<Row> segments = readSegments(ctx);
    OfflineEvaluation.Evaluated evaluated = evaluate(ctx, events, segments);
    Map<String, Metrics> metrics = evaluated.metrics();
    String serving = ServingChoice.choose(s.serving(), metrics);
    Map<String, Object> params = ModelVersion.params(ctx.config());
    String version = ModelVersion.of(serving, ctx.runDate(), params);
    ModelResult.Model model = summary(ctx, metrics, serving, version, params);
    Verdict verdict = gate(ctx, serving, metrics);
    if (verdict.refusal() != null) {
      // The refused run's manifest still shows every candidate's figures and the gate's reason.
      throw verdict
          .refusal()
          .withPartialResult(
              new ModelResult(model.withGate(verdict.gate()), evaluated.responsible()));
    }
    ModelOutputs.Written written = ModelOutputs.write(ctx, version, events, segments);
    String alsPath = ModelOutputs.modelPath(ctx, version);
    ModelDescriptor descriptor =
        new ModelDescriptor(
            ctx.runDate(),
            version,
            serving,
            s.serving(),
            s,
            List.copyOf(written.rows().keySet()),
            ctx.fs().exists(alsPath) ? alsPath : null,
            params,
            metrics,
            model.note());
    ctx.step(
        "write model.json",
        () -> {
          ctx.fs()
              .writeStringAtomically(ctx.layout().work(MODEL) + "/model.json", descriptor.toJson());
          ctx.fs()
              .writeStringAtomically(
                  ctx.layout().models() + "/" + version + "/model.json", descriptor.toJson());
        });
    return new ModelResult(
        model.withGate(verdict.gate()).withOutputs(written.figures()), evaluated.responsible());
  }

  private static OfflineEvaluation.Evaluated evaluate(
      RunContext ctx, Dataset<Row> events, Dataset<Row> segments) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    HoldoutSplit split =
        HoldoutSplit.split(events, ctx.runDate(), s.eval().holdoutDays()).persist();
    OfflineEvaluation.Inputs in =
        new OfflineEvaluation.Inputs(
            ctx.config().get(IngestSettings.SECTION).eventTypeWeights(),
            ctx.config().get(InteractionSettings.SECTION),
            s,
            segments,
            catalogSize(ctx));
    try {
      return OfflineEvaluation.run(ctx, split, in);
    } finally {
      split.release();
    }
  }

  /** The figures side by side, logged and as the manifest's model section (gate still open). */
  private static ModelResult.Model summary(
      RunContext ctx,
      Map<String, Metrics> metrics,
      String serving,
      String version,
      Map<String, Object> params) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    metrics.forEach(
        (name, m) ->
            LOG.info(
                "{}: NDCG@K {} P@K {} R@K {} MAP@K {} coverage {} over {} users",
                name,
                Metrics.round(m.ndcg()),
                Metrics.round(m.precision()),
                Metrics.round(m.recall()),
                Metrics.round(m.map()),
                Metrics.round(m.coverage()),
                m.users()));
    LOG.info("serving {} as {}", serving, version);
    String note = ServingChoice.note(metrics, s.k());
    if (note != null) {
      LOG.warn(note);
    }
    return new ModelResult.Model(
        version,
        params,
        serving,
        Metrics.round(ServingChoice.metrics(serving, metrics).ndcg()),
        new ModelResult.Eval(s.k(), s.eval().holdoutDays()),
        note,
        null,
        ModelResult.figures(metrics, false),
        ModelResult.figures(metrics, true),
        null);
  }

  /** The gate's figures, and the refusal to throw (null when the run may go on). */
  record Verdict(ModelResult.Gate gate, ComborecException refusal) {}

  /** Applies the model quality gate to the serving candidate. */
  static Verdict gate(RunContext ctx, String serving, Map<String, Metrics> metrics) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    Metrics current = ServingChoice.metrics(serving, metrics);
    if (!s.gate().active() || !current.evaluated()) {
      String status =
          !s.gate().enabled()
              ? "disabled"
              : s.gate().override() ? "overridden" : "skipped_nothing_evaluated";
      return new Verdict(new ModelResult.Gate(status, null, null), null);
    }
    Optional<ModelGate.Previous> previous =
        ModelGate.previousPublished(ctx.fs(), ctx.layout().manifestsRoot(), ctx.runDate());
    String previousDay = previous.map(p -> p.runDate().toString()).orElse(null);
    Double previousNdcg = previous.map(ModelGate.Previous::ndcg).orElse(null);
    try {
      ModelGate.enforce(serving, current.ndcg(), previous, s.gate(), s.k());
    } catch (ComborecException e) {
      return new Verdict(new ModelResult.Gate("refused", previousDay, previousNdcg), e);
    }
    String status = previous.isEmpty() ? "passed_no_previous" : "passed";
    return new Verdict(new ModelResult.Gate(status, previousDay, previousNdcg), null);
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
