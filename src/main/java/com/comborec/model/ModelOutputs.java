package com.comborec.model;

import com.comborec.core.RunContext;
import com.comborec.features.FeaturesStage;
import com.comborec.features.InteractionSettings;
import com.comborec.ingest.IngestSettings;
import com.comborec.store.TableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model stage's outputs, trained on the whole look-back window: ALS factors (and the saved
 * model under {@code _models/<version>/als}), co-occurrence neighbours, popularity and, when
 * segments exist, segment popularity. Every one is written each run, whichever candidate serves, so
 * the recommend stage can always fall back.
 */
public final class ModelOutputs {
  public static final String ALS_USER_FACTORS = "als_user_factors";
  public static final String ALS_ITEM_FACTORS = "als_item_factors";
  public static final String COOC = "cooc";
  public static final String POPULARITY = "popularity";
  public static final String SEGMENT_POPULARITY = "segment_popularity";

  /** als_user_factors and als_item_factors: ALSModel's own factor layout. */
  public static final StructType FACTORS =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), true);

  private static final Logger LOG = LoggerFactory.getLogger(ModelOutputs.class);

  private ModelOutputs() {}

  /** Writes everything; returns the work dataset names written, in order. */
  public static List<String> write(
      RunContext ctx, String version, Dataset<Row> events, Dataset<Row> segments) {
    List<String> written = new ArrayList<>();
    writePopularity(ctx, events, segments, written);
    TrainSet full =
        TrainSet.of(
            FeaturesStage.readInteractions(ctx),
            FeaturesStage.readUserIndex(ctx),
            FeaturesStage.readItemIndex(ctx));
    writeAls(ctx, full, modelPath(ctx, version), written);
    ModelSettings s = ctx.config().get(ModelSettings.SECTION);
    Dataset<Row> cooc =
        ctx.step(
            "train cooccurrence",
            () ->
                Cooccurrence.neighbours(
                    full.interactions(), s.coocNeighbors(), s.coocMaxUserItems()));
    put(ctx, COOC, cooc, written);
    full.release();
    return written;
  }

  /** Where the run's ALS model is saved: {@code <output>/_models/<version>/als}. */
  public static String modelPath(RunContext ctx, String version) {
    return ctx.layout().models() + "/" + version + "/als";
  }

  private static void writeAls(RunContext ctx, TrainSet full, String path, List<String> written) {
    if (full.dense().isEmpty()) {
      // Nothing to learn from: empty factor tables, so every user falls back to popularity.
      LOG.warn("no interactions of known users in the look-back window: ALS factors are empty");
      ctx.report().put("model.outputs.als_trained", false);
      Dataset<Row> none = ctx.spark().createDataFrame(List.of(), FACTORS);
      put(ctx, ALS_USER_FACTORS, none, written);
      put(ctx, ALS_ITEM_FACTORS, none, written);
      return;
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
    put(ctx, ALS_USER_FACTORS, model.userFactors(), written);
    put(ctx, ALS_ITEM_FACTORS, model.itemFactors(), written);
  }

  private static void writePopularity(
      RunContext ctx, Dataset<Row> events, Dataset<Row> segments, List<String> written) {
    Map<String, Double> weights = ctx.config().get(IngestSettings.SECTION).eventTypeWeights();
    InteractionSettings is = ctx.config().get(InteractionSettings.SECTION);
    int days = ctx.config().get(ModelSettings.SECTION).popularityWindowDays();
    put(
        ctx,
        POPULARITY,
        Popularity.global(events, weights, is.quantityDamping(), ctx.runDate(), days),
        written);
    if (segments != null) {
      put(
          ctx,
          SEGMENT_POPULARITY,
          Popularity.bySegment(
              events, segments, weights, is.quantityDamping(), ctx.runDate(), days),
          written);
    }
  }

  private static void put(RunContext ctx, String name, Dataset<Row> rows, List<String> written) {
    long n = TableWriter.writeWork(ctx, ctx.layout().work(name), rows);
    ctx.report().put("model.outputs." + name, n);
    written.add(name);
  }
}
