package com.comborec.model.candidates;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import com.comborec.model.itemitem.ItemItemScores;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs a {@link Generator} on a cutoff's {@link TrainingData}: (user_id, item_id, score), each
 * user's best {@code depth} items (score desc, then item_id), none the user bought by the cutoff.
 */
public final class Generators {
  /**
   * Lists of one-list-for-everyone generators are fetched this much deeper before the user's
   * purchases are taken out; a user who bought more of the top items may get fewer than depth.
   */
  static final int MAX_EXCLUDED = 200;

  /**
   * A trend above this (5x the usual weekly buyers) counts as 5: one burst week is not a season.
   */
  static final double MAX_TREND = 5.0;

  private Generators() {}

  public static Dataset<Row> candidates(
      Generator g, TrainingData td, Dataset<Row> users, int depth) {
    GeneratorSettings s = td.settings();
    return switch (g) {
      case EASE ->
          ItemItemScores.topPerUser(td.purchases(), users, td.ease(), depth, !td.repeats());
      case ITEM_KNN ->
          ItemItemScores.topPerUser(td.purchases(), users, td.knn(), depth, !td.repeats());
      case COOCCURRENCE -> personal(cooccurrence(td, users), td, depth);
      case ALS -> personal(als(td, users, depth + MAX_EXCLUDED), td, depth);
      case POP7, POP14, POP30, QTY_POP, TRENDING -> global(itemScores(g, td), users, td, depth);
    };
  }

  /** (item_id, score) of a one-list-for-everyone generator. */
  public static Dataset<Row> itemScores(Generator g, TrainingData td) {
    GeneratorSettings s = td.settings();
    Dataset<Row> scores =
        switch (g) {
          case POP7 -> td.buyers(7);
          case POP14 -> td.buyers(14);
          case POP30 -> td.buyers(30);
          case QTY_POP ->
              Popularity.global(
                  td.events(),
                  s.eventWeights(),
                  s.interactions().quantityDamping(),
                  td.cutoff(),
                  30);
          case TRENDING -> trending(td);
          default -> throw new IllegalArgumentException(g + " scores each user differently");
        };
    return scores.select(col("item_id"), col(scores.columns()[1]).cast("double").as("score"));
  }

  /**
   * (item_id, score): distinct buyers of the last 7 days times the item's trend, capped at {@link
   * #MAX_TREND}. Trend = (buyers of the last 7 days + 1) / (mean weekly buyers of the 4 weeks
   * before + 1): an item in season rises even before it has history for the personal models.
   */
  static Dataset<Row> trending(TrainingData td) {
    Dataset<Row> before = td.buyersBetween(35, 8).withColumnRenamed("buyers", "before");
    return td.buyers(7)
        .join(before, new String[] {"item_id"}, "left")
        .select(
            col("item_id"),
            col("buyers")
                .multiply(
                    least(
                        col("buyers")
                            .plus(1)
                            .divide(coalesce(col("before"), lit(0L)).divide(4).plus(1)),
                        lit(MAX_TREND)))
                .as("score"));
  }

  /** ALS fitted on the cutoff's interactions, each user's top n; nothing without interactions. */
  private static Dataset<Row> als(TrainingData td, Dataset<Row> users, int n) {
    TrainSet train = td.trainSet();
    if (train.dense().isEmpty()) {
      return users.sparkSession().createDataFrame(List.of(), ItemItemScores.SCORED);
    }
    return AlsTrainer.recommend(
        AlsTrainer.fit(train.dense(), td.settings().als()),
        users,
        train.userIndex(),
        train.itemIndex(),
        n);
  }

  private static Dataset<Row> cooccurrence(TrainingData td, Dataset<Row> users) {
    Dataset<Row> interactions = td.trainSet().interactions();
    Dataset<Row> neighbours =
        Cooccurrence.neighbours(
            interactions, td.settings().coocNeighbors(), td.settings().coocMaxUserItems());
    Dataset<Row> userItems = interactions.join(users, new String[] {"user_id"}, "left_semi");
    return Cooccurrence.scoreUsers(userItems, neighbours);
  }

  /** A personal generator's scores without the user's purchases, cut to depth. */
  private static Dataset<Row> personal(Dataset<Row> scored, TrainingData td, int depth) {
    return TopItems.perUser(TopItems.exclude(scored, td.excluded()), depth).drop("rank");
  }

  /**
   * One list for every user from (item_id, score): the best items with a positive score, each
   * user's purchases taken out, cut to depth.
   */
  static Dataset<Row> global(
      Dataset<Row> itemScores, Dataset<Row> users, TrainingData td, int depth) {
    List<Row> top =
        itemScores
            .filter(col("score").gt(0))
            .orderBy(col("score").desc(), col("item_id").asc())
            .limit(depth + MAX_EXCLUDED)
            .collectAsList();
    return SharedList.perUser(top, users, td.excluded(), depth);
  }
}
