package com.comborec.model;

import com.comborec.core.RunContext;
import com.comborec.model.candidates.AlsTrainer;
import com.comborec.model.candidates.Cooccurrence;
import com.comborec.model.candidates.Popularity;
import com.comborec.model.candidates.TrainSet;
import com.comborec.store.WorkDataset;
import com.comborec.store.WorkSchemas;
import com.comborec.store.WorkStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model stage's outputs trained on the whole look-back window, other than the served lists:
 * popularity and, when segments exist, segment popularity, written every run so that the recommend
 * stage can always fall back; ALS factors (and the saved model under {@code _models/<version>/als})
 * or co-occurrence neighbours only when that candidate serves, since the recommend stage scores
 * those two itself.
 */
public final class ModelOutputs {
  private static final Logger LOG = LoggerFactory.getLogger(ModelOutputs.class);

  private ModelOutputs() {}

  /** Rows of each work dataset written, in order, and whether ALS had anything to learn from. */
  public record Written(Map<String, Long> rows, boolean alsTrained) {
    ModelResult.Outputs figures() {
      return new ModelResult.Outputs(rows, alsTrained);
    }
  }

  /**
   * Writes the popularity fallbacks always, and the ALS factors (saved model too) or the
   * co-occurrence neighbours when they serve: the recommend stage scores those two itself.
   */
  public static Written write(
      RunContext ctx, String version, Serving serving, Dataset<Row> events, Dataset<Row> segments) {
    Map<String, Long> written = new LinkedHashMap<>();
    writePopularity(ctx, events, segments, written);
    if (!serving.usesAls() && !serving.usesCooccurrence()) {
      return new Written(written, false);
    }
    TrainSet full =
        TrainSet.of(
            WorkStore.read(ctx, WorkDataset.INTERACTIONS),
            WorkStore.read(ctx, WorkDataset.USER_INDEX),
            WorkStore.read(ctx, WorkDataset.ITEM_INDEX));
    try {
      if (serving.usesAls()) {
        return new Written(written, writeAls(ctx, full, modelPath(ctx, version), written));
      }
      ModelSettings s = ctx.config().get(ModelSettings.SECTION);
      Dataset<Row> cooc =
          ctx.step(
              "train cooccurrence",
              () ->
                  Cooccurrence.neighbours(
                      full.interactions(), s.coocNeighbors(), s.coocMaxUserItems()));
      put(ctx, WorkDataset.COOC, cooc, written);
      return new Written(written, false);
    } finally {
      full.release();
    }
  }

  /** Where the run's ALS model is saved: {@code <output>/_models/<version>/als}. */
  public static String modelPath(RunContext ctx, String version) {
    return ctx.layout().models() + "/" + version + "/als";
  }

  /** Fits, saves and writes the factors; false when there was nothing to learn from. */
  private static boolean writeAls(
      RunContext ctx, TrainSet full, String path, Map<String, Long> written) {
    if (full.dense().isEmpty()) {
      // Nothing to learn from: empty factor tables, so every user falls back to popularity.
      LOG.warn("no interactions of known users in the look-back window: ALS factors are empty");
      Dataset<Row> none = ctx.spark().createDataFrame(List.of(), WorkSchemas.FACTORS);
      put(ctx, WorkDataset.ALS_USER_FACTORS, none, written);
      put(ctx, WorkDataset.ALS_ITEM_FACTORS, none, written);
      return false;
    }
    ALSModel model =
        ctx.step(
            "train als",
            () -> AlsTrainer.fit(full.dense(), ctx.config().get(ModelSettings.SECTION).als()));
    ctx.step(
        "save als model",
        () -> {
          try {
            model.write().overwrite().save(path);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot save the ALS model to " + path, e);
          }
        });
    put(ctx, WorkDataset.ALS_USER_FACTORS, model.userFactors(), written);
    put(ctx, WorkDataset.ALS_ITEM_FACTORS, model.itemFactors(), written);
    return true;
  }

  /**
   * The fallbacks rank items by distinct buyers (a bulk order is one buyer): of the last
   * popularity-window-days for everyone, of the longer segment window within each segment.
   */
  private static void writePopularity(
      RunContext ctx, Dataset<Row> events, Dataset<Row> segments, Map<String, Long> written) {
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    put(
        ctx,
        WorkDataset.POPULARITY,
        Popularity.distinctBuyers(events, ctx.runDate(), s.popularityWindowDays()),
        written);
    if (segments != null) {
      put(
          ctx,
          WorkDataset.SEGMENT_POPULARITY,
          Popularity.distinctBuyersBySegment(
              events, segments, ctx.runDate(), s.segmentPopularityWindowDays()),
          written);
    }
  }

  private static void put(
      RunContext ctx, WorkDataset dataset, Dataset<Row> rows, Map<String, Long> written) {
    written.put(dataset.folder(), WorkStore.write(ctx, dataset, rows));
  }
}
