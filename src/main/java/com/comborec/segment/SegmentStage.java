package com.comborec.segment;

import com.comborec.contract.Schemas;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.segment.SegmentationResult.Summary;
import com.comborec.store.TableWriter;
import com.comborec.store.ValidatedStore;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment stage: reads validated users, the window's events and the catalog, segments every
 * known user, writes the work dataset {@code segments} and stages the {@code segments} and {@code
 * segment_profiles} tables.
 */
public final class SegmentStage implements Stage {
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
  public void run(RunContext ctx) {
    SegmentSettings s = ctx.config().get(SegmentSettings.SECTION);
    FeatureTable features = ctx.step("build user features", () -> buildFeatures(ctx, s));
    try (SegmentationResult result =
        ctx.step("cluster users", () -> Segmentation.segment(features, s))) {
      String work = ctx.layout().work("segments");
      TableWriter.writeWork(ctx, work, result.segments());
      // Staged from the written work copy, so KMeans' assignment is not recomputed.
      Dataset<Row> written = ctx.spark().read().schema(Schemas.SEGMENTS).parquet(work);
      TableWriter.stage(ctx, "segments", written);
      TableWriter.stage(ctx, "segment_profiles", result.profiles());
      report(ctx, result.summary());
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

  private static void report(RunContext ctx, Summary summary) {
    ctx.report().put("segment.users", summary.users());
    ctx.report().put("segment.k_requested", summary.kRequested());
    ctx.report().put("segment.k_fitted", summary.kFitted());
    ctx.report().put("segment.k_after_merges", summary.segments());
    ctx.report().put("segment.sizes", summary.sizes());
    ctx.report().put("segment.profiles_published", summary.profilesPublished());
    if (summary.silhouette() != null) {
      ctx.report().put("segment.silhouette", summary.silhouette());
    }
    LOG.info(
        "segmented {} users into {} segments (k requested {}, fitted {}), silhouette {}",
        summary.users(),
        summary.segments(),
        summary.kRequested(),
        summary.kFitted(),
        summary.silhouette());
  }
}
