package com.comborec.segment;

import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.segment.SegmentationResult.Summary;
import com.comborec.store.TableWriter;
import com.comborec.store.ValidatedStore;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment stage: reads validated users, the window's events and the catalog, segments every
 * known user, writes the work dataset {@code segments} and stages the {@code segments} and {@code
 * segment_profiles} tables.
 */
public final class SegmentStage implements Stage<SegmentResult> {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentStage.class);

  @Override
  public String name() {
    return "segment";
  }

  @Override
  public String description() {
    return "cluster known users by RFM, demographics and category shares; "
        + "write work segments, stage segments and segment_profiles";
  }

  @Override
  public List<SettingsSection<?>> settings() {
    return List.of(SegmentSettings.SECTION);
  }

  @Override
  public SegmentResult run(RunContext ctx) {
    SegmentSettings s = ctx.config().get(SegmentSettings.SECTION);
    FeatureTable features = ctx.step("build user features", () -> buildFeatures(ctx, s));
    try (SegmentationResult result =
        ctx.step("cluster users", () -> Segmentation.segment(features, s))) {
      WorkStore.write(ctx, WorkDataset.SEGMENTS, result.segments());
      // Staged from the written work copy, so KMeans' assignment is not recomputed.
      TableWriter.stage(ctx, "segments", WorkStore.read(ctx, WorkDataset.SEGMENTS));
      TableWriter.stage(ctx, "segment_profiles", result.profiles());
      log(result.summary());
      return SegmentResult.of(result.summary());
    }
  }

  private static FeatureTable buildFeatures(RunContext ctx, SegmentSettings s) {
    int window = ctx.config().lookbackDays();
    return UserFeatures.build(
        ValidatedStore.users(ctx),
        ValidatedStore.events(ctx, window),
        ValidatedStore.products(ctx),
        ctx.runDate(),
        window,
        s);
  }

  private static void log(Summary summary) {
    LOG.info(
        "segmented {} users into {} segments (k requested {}, fitted {}), silhouette {}",
        summary.users(),
        summary.segments(),
        summary.kRequested(),
        summary.kFitted(),
        summary.silhouette());
  }
}
