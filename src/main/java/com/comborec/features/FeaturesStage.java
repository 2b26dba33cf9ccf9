package com.comborec.features;

import com.comborec.contract.Source;
import com.comborec.core.Figures;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.features.feedback.FeedbackMeasure;
import com.comborec.ingest.IngestSettings;
import com.comborec.store.ValidatedStore;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns the look-back window's validated events and feedback into interactions and the dense id
 * indexes, and measures how the previous run's outputs fared on the run day's feedback.
 */
public final class FeaturesStage implements Stage<FeaturesResult> {
  @Override
  public String name() {
    return "features";
  }

  @Override
  public String description() {
    return "validated events, feedback -> work interactions (user_id, item_id, strength),"
        + " user_index, item_index; feedback performance figures";
  }

  @Override
  public List<SettingsSection<?>> settings() {
    return List.of(InteractionSettings.SECTION);
  }

  @Override
  public FeaturesResult run(RunContext ctx) {
    InteractionSettings settings = ctx.config().get(InteractionSettings.SECTION);
    Instant end = Interactions.endOfDay(ctx.runDate(), ctx.config().timeZone());
    Dataset<Row> events = ValidatedStore.events(ctx, ctx.config().lookbackDays());
    Dataset<Row> feedback = feedbackOfWindow(ctx);
    Dataset<Row> interactions =
        feedback == null
            ? Interactions.computeStrengths(
                events, ctx.config().get(IngestSettings.SECTION).eventTypeWeights(), settings, end)
            : Interactions.computeStrengths(
                events,
                feedback,
                ctx.config().get(IngestSettings.SECTION).eventTypeWeights(),
                settings,
                end);
    long pairs = WorkStore.write(ctx, WorkDataset.INTERACTIONS, interactions);
    // Index from what was written, so the ids are built from one materialised copy.
    Dataset<Row> written = WorkStore.read(ctx, WorkDataset.INTERACTIONS);
    long users =
        WorkStore.write(
            ctx, WorkDataset.USER_INDEX, Interactions.buildIndex(written, "user_id", "uid"));
    long items =
        WorkStore.write(
            ctx, WorkDataset.ITEM_INDEX, Interactions.buildIndex(written, "item_id", "iid"));
    Map<String, Object> performance =
        ctx.step("measure feedback", () -> FeedbackMeasure.report(ctx));
    return new FeaturesResult(
        new FeaturesResult.Features(
            new FeaturesResult.InteractionTable(
                pairs,
                users,
                items,
                settings.halfLifeDays(),
                settings.quantityDamping(),
                new TreeMap<>(settings.feedbackWeights()))),
        Figures.nest(performance, "feedback"));
  }

  /**
   * The window's validated feedback on items of the catalog snapshot, or null when the window holds
   * no feedback partition, so that a run without feedback computes exactly what it did before.
   */
  static Dataset<Row> feedbackOfWindow(RunContext ctx) {
    LocalDate from = ctx.runDate().minusDays(ctx.config().lookbackDays() - 1L);
    boolean any =
        ValidatedStore.partitionDays(ctx, Source.FEEDBACK).stream()
            .anyMatch(d -> !d.isBefore(from) && !d.isAfter(ctx.runDate()));
    if (!any) {
      return null;
    }
    // Feedback ids are not checked against the catalog at ingest: keep unknown items out of ALS.
    return ValidatedStore.daily(ctx, Source.FEEDBACK, from, ctx.runDate())
        .join(
            ValidatedStore.products(ctx).select("item_id"), new String[] {"item_id"}, "left_semi");
  }
}
