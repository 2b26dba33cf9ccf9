package com.comborec.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.comborec.contract.Schemas;
import com.comborec.core.ComborecException;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.features.InteractionSettings;
import com.comborec.ingest.IngestSettings;
import com.comborec.store.ValidatedStore;
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
public final class ModelStage implements Stage {
  public static final String MODEL = "model";
  public static final String SEGMENTS = "segments";
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
  public void run(RunContext ctx) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    Dataset<Row> events = ValidatedStore.events(ctx, ctx.config().lookbackDays());
    Dataset<Row> segments = readSegments(ctx);
    Map<String, Metrics> metrics = evaluate(ctx, events, segments);
    String serving = ServingChoice.choose(s.serving(), metrics);
    Map<String, Object> params = ModelVersion.params(ctx.config());
    String version = ModelVersion.of(serving, ctx.runDate(), params);
    String note = report(ctx, metrics, serving, version, params);
    gate(ctx, serving, metrics);
    List<String> outputs = ModelOutputs.write(ctx, version, events, segments);
    String alsPath = ModelOutputs.modelPath(ctx, version);
    ModelDescriptor descriptor =
        new ModelDescriptor(
            ctx.runDate(),
            version,
            serving,
            s.serving(),
            s,
            outputs,
            ctx.fs().exists(alsPath) ? alsPath : null,
            params,
            metrics,
            note);
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

  private static Map<String, Metrics> evaluate(
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

  /** Puts the figures side by side in the manifest; returns the note (null when none). */
  private static String report(
      RunContext ctx,
      Map<String, Metrics> metrics,
      String serving,
      String version,
      Map<String, Object> params) {
    metrics.forEach(
        (name, m) -> {
          m.report(ctx.report(), prefix(name) + name);
          LOG.info(
              "{}: NDCG@K {} P@K {} R@K {} MAP@K {} coverage {} over {} users",
              name,
              Metrics.round(m.ndcg()),
              Metrics.round(m.precision()),
              Metrics.round(m.recall()),
              Metrics.round(m.map()),
              Metrics.round(m.coverage()),
              m.users());
        });
    LOG.info("serving {} as {}", serving, version);
    ctx.report().put("model.version", version);
    ctx.report().put("model.params", params);
    ctx.report().put("model.serving", serving);
    ctx.report()
        .put(
            "model." + ModelGate.NDCG_FIELD,
            Metrics.round(ServingChoice.metrics(serving, metrics).ndcg()));
    ctx.report().put("model.eval.k", ctx.config().get(ModelSettings.SECTION).k());
    ctx.report()
        .put(
            "model.eval.holdout_days",
            ctx.config().get(ModelSettings.SECTION).eval().holdoutDays());
    String note = ServingChoice.note(metrics, ctx.config().get(ModelSettings.SECTION).k());
    if (note != null) {
      ctx.report().put("model.note", note);
      LOG.warn(note);
    }
    return note;
  }

  private static String prefix(String name) {
    boolean baseline =
        name.equals(Candidates.GLOBAL_POPULAR) || name.equals(Candidates.SEGMENT_POPULAR);
    return baseline ? "model.baselines." : "model.candidates.";
  }

  /**
   * Applies the model quality gate to the serving candidate; records its outcome in the manifest.
   */
  static void gate(RunContext ctx, String serving, Map<String, Metrics> metrics) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    Metrics current = ServingChoice.metrics(serving, metrics);
    if (!s.gate().active() || !current.evaluated()) {
      String status =
          !s.gate().enabled()
              ? "disabled"
              : s.gate().override() ? "overridden" : "skipped_nothing_evaluated";
      ctx.report().put("model.gate.status", status);
      return;
    }
    Optional<ModelGate.Previous> previous =
        ModelGate.previousPublished(ctx.fs(), ctx.layout().manifestsRoot(), ctx.runDate());
    previous.ifPresent(
        p -> {
          ctx.report().put("model.gate.previous_run_date", p.runDate().toString());
          ctx.report().put("model.gate.previous_ndcg_at_k", p.ndcg());
        });
    ctx.report().put("model.gate.status", previous.isEmpty() ? "passed_no_previous" : "passed");
    try {
      ModelGate.enforce(serving, current.ndcg(), previous, s.gate(), s.k());
    } catch (ComborecException e) {
      ctx.report().put("model.gate.status", "refused");
      throw e;
    }
  }

  /** This run day's segments, or null when the segment stage has not left any. */
  public static Dataset<Row> readSegments(RunContext ctx) {
    String path = ctx.layout().work(SEGMENTS);
    if (!ctx.fs().exists(path)) {
      LOG.info("no segments at {}: segment popularity is skipped", path);
      return null;
    }
    return ctx.spark().read().schema(Schemas.SEGMENTS).parquet(path);
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
