package com.comborec.features;

import com.comborec.contract.Source;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.features.feedback.FeedbackMeasure;
import com.comborec.ingest.IngestSettings;
import com.comborec.store.TableWriter;
import com.comborec.store.ValidatedStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns the look-back window's validated events and feedback into interactions and the dense id
 * indexes, and measures how the previous run's outputs fared on the run day's feedback.
 */
public final class FeaturesStage implements Stage {
  public static final String INTERACTIONS = "interactions";
  public static final String USER_INDEX = "user_index";
  public static final String ITEM_INDEX = "item_index";

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
  public void run(RunContext ctx) {
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
    long pairs = TableWriter.writeWork(ctx, ctx.layout().work(INTERACTIONS), interactions);
    // Index from what was written, so the ids are built from one materialised copy.
    Dataset<Row> written = readInteractions(ctx);
    long users =
        TableWriter.writeWork(
            ctx, ctx.layout().work(USER_INDEX), Interactions.buildIndex(written, "user_id", "uid"));
    long items =
        TableWriter.writeWork(
            ctx, ctx.layout().work(ITEM_INDEX), Interactions.buildIndex(written, "item_id", "iid"));
    ctx.report().put("features.interactions.pairs", pairs);
    ctx.report().put("features.interactions.users", users);
    ctx.report().put("features.interactions.items", items);
    ctx.report().put("features.interactions.half_life_days", settings.halfLifeDays());
    ctx.report().put("features.interactions.quantity_damping", settings.quantityDamping());
    ctx.report()
        .put("features.interactions.feedback_weights", new TreeMap<>(settings.feedbackWeights()));
    ctx.step("measure feedback", () -> FeedbackMeasure.report(ctx));
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

  /** This run day's interactions from the work store. */
  public static Dataset<Row> readInteractions(RunContext ctx) {
    return ctx.spark().read().schema(Interactions.SCHEMA).parquet(ctx.layout().work(INTERACTIONS));
  }

  public static Dataset<Row> readUserIndex(RunContext ctx) {
    return ctx.spark()
        .read()
        .schema(Interactions.USER_INDEX)
        .parquet(ctx.layout().work(USER_INDEX));
  }

  public static Dataset<Row> readItemIndex(RunContext ctx) {
    return ctx.spark()
        .read()
        .schema(Interactions.ITEM_INDEX)
        .parquet(ctx.layout().work(ITEM_INDEX));
  }
}
