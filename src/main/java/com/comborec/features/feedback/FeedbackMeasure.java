package com.comborec.features.feedback;

import com.comborec.contract.Source;
import com.comborec.core.RunContext;
import com.comborec.privacy.PrivacyFilter;
import com.comborec.privacy.PrivacySettings;
import com.comborec.privacy.PseudonymKeys;
import com.comborec.store.ValidatedStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the previous run's outputs fared: the run day's validated feedback against what the previous
 * published run showed, reported under {@code feedback.*} in the manifest. The IO edge around
 * {@link FeedbackPerformance}.
 */
public final class FeedbackMeasure {
  private static final Logger LOG = LoggerFactory.getLogger(FeedbackMeasure.class);

  private FeedbackMeasure() {}

  /** Measures; returns the figures for the manifest, keyed by dotted paths under feedback. */
  public static Map<String, Object> report(RunContext ctx) {
    LocalDate day = ctx.runDate();
    LocalDate previous = PreviousRun.find(ctx.fs(), ctx.layout().manifestsRoot(), day);
    List<Row> summary = List.of();
    if (ValidatedStore.partitionDays(ctx, Source.FEEDBACK).contains(day)) {
      Dataset<Row> feedback =
          asPublished(ctx, ValidatedStore.daily(ctx, Source.FEEDBACK, day, day));
      Dataset<Row> shown =
          previous == null
              ? ctx.spark().createDataFrame(List.of(), FeedbackPerformance.EXPOSURES)
              : PreviousRun.exposures(ctx, previous);
      summary =
          FeedbackPerformance.performance(feedback, shown)
              .orderBy("surface", "strategy")
              .collectAsList();
    }
    Map<String, Object> figures = FeedbackFigures.of(summary, previous);
    LOG.info(
        "feedback of {} against the run of {}: {} rows, {} matched",
        day,
        previous,
        figures.get("feedback.rows"),
        figures.get("feedback.matched"));
    return figures;
  }

  /**
   * Feedback user ids as the published tables hold them: with pseudonymisation on, the tables carry
   * pseudonyms while feedback carries the shop's ids (as events do), so they are mapped first.
   */
  private static Dataset<Row> asPublished(RunContext ctx, Dataset<Row> feedback) {
    PrivacySettings p = ctx.config().get(PrivacySettings.SECTION);
    return p.pseudonymize()
        ? PrivacyFilter.pseudonymizeColumn(feedback, "user_id", PseudonymKeys.pseudonymizer(p))
        : feedback;
  }
}
