package com.comborec.model;

import com.comborec.contract.Strategy;
import com.comborec.features.InteractionSettings;
import com.comborec.model.candidates.AlsParams;
import com.comborec.model.candidates.AlsTrainer;
import com.comborec.model.candidates.Cooccurrence;
import com.comborec.model.candidates.Popularity;
import com.comborec.model.candidates.TrainSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Each candidate's scored (user_id, item_id, score) rows for a set of users, before the serving
 * filter. Evaluation and tuning call these; the recommend stage serves from the work outputs.
 */
public final class Candidates {
  // Names of the evaluated lists in the manifest: the personal candidates and two baselines.
  public static final String ALS = Serving.ALS.code();
  public static final String COOCCURRENCE = Serving.COOCCURRENCE.code();
  public static final String BLEND = Serving.BLEND.code();
  public static final String POPULAR = Serving.POPULAR.code();
  public static final String GLOBAL_POPULAR = Strategy.GLOBAL_POPULAR.code();
  public static final String SEGMENT_POPULAR = Strategy.SEGMENT_POPULAR.code();

  /** What every candidate returns before the serving filter. */
  public static final StructType SCORED =
      new StructType()
          .add("user_id", DataTypes.StringType, false)
          .add("item_id", DataTypes.StringType, false)
          .add("score", DataTypes.DoubleType, false);

  private Candidates() {}

  /** Baselines are measured for comparison and fallback, never pinned as a serving model. */
  public static boolean isBaseline(String name) {
    return name.equals(GLOBAL_POPULAR) || name.equals(SEGMENT_POPULAR);
  }

  /** ALS fitted on the train set, top {@code n} per user; nothing when there is nothing to fit. */
  public static Dataset<Row> als(TrainSet train, Dataset<Row> users, AlsParams p, int n) {
    if (train.dense().isEmpty()) {
      // e.g. a young output root whose history does not reach back past the holdout
      return users.sparkSession().createDataFrame(List.of(), SCORED);
    }
    ALSModel model = AlsTrainer.fit(train.dense(), p);
    return AlsTrainer.recommend(model, users, train.userIndex(), train.itemIndex(), n);
  }

  /** Item-item cosine neighbours of the train set, summed over each user's train items. */
  public static Dataset<Row> cooccurrence(TrainSet train, Dataset<Row> users, ModelSettings s) {
    Dataset<Row> neighbours =
        Cooccurrence.neighbours(train.interactions(), s.coocNeighbors(), s.coocMaxUserItems());
    Dataset<Row> userItems =
        train.interactions().join(users, new String[] {"user_id"}, "left_semi");
    return Cooccurrence.scoreUsers(userItems, neighbours);
  }

  /** The same top {@code n} popular items for every user. */
  public static Dataset<Row> popular(Dataset<Row> popularity, Dataset<Row> users, int n) {
    return users
        .select("user_id")
        .crossJoin(Popularity.top(popularity, n))
        .select("user_id", "item_id", "score");
  }

  /** Each user's segment's top {@code n}; users without a segment get the global top n. */
  public static Dataset<Row> segmentPopular(
      Dataset<Row> segmentPopularity,
      Dataset<Row> popularity,
      Dataset<Row> segments,
      Dataset<Row> users,
      int n) {
    Dataset<Row> placed =
        users.select("user_id").join(segments.select("user_id", "segment_id"), "user_id");
    Dataset<Row> inSegment =
        placed
            .join(Popularity.topPerSegment(segmentPopularity, n), "segment_id")
            .select("user_id", "item_id", "score");
    Dataset<Row> unplaced =
        users.select("user_id").join(placed, new String[] {"user_id"}, "left_anti");
    return inSegment.union(popular(popularity, unplaced, n));
  }

  /** Global popularity of the trailing window ending on {@code lastDay}. */
  public static Dataset<Row> popularity(
      Dataset<Row> events,
      Map<String, Double> weights,
      InteractionSettings is,
      LocalDate lastDay,
      int days) {
    return Popularity.global(events, weights, is.quantityDamping(), lastDay, days);
  }
}
