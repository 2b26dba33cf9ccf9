package com.comborec.model;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark MLlib ALS on implicit feedback over dense ids (uid, iid, strength), and its top-N lists
 * mapped back to string ids.
 */
public final class AlsTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(AlsTrainer.class);

  private AlsTrainer() {}

  /** The estimator: implicit preferences, fixed seed, and drop for ids unseen in training. */
  public static ALS estimator(AlsParams p) {
    return new ALS()
        .setImplicitPrefs(true)
        .setUserCol("uid")
        .setItemCol("iid")
        .setRatingCol("strength")
        .setRank(p.rank())
        .setRegParam(p.regParam())
        .setAlpha(p.alpha())
        .setMaxIter(p.maxIter())
        .setSeed(p.seed())
        .setCheckpointInterval(p.checkpointInterval())
        .setNumBlocks(p.blocks())
        .setColdStartStrategy("drop");
  }

  /** Fits on (uid, iid, strength); the SparkContext's checkpoint dir makes checkpointInterval work. */
  public static ALSModel fit(Dataset<Row> dense, AlsParams p) {
    if (dense.sparkSession().sparkContext().getCheckpointDir().isEmpty()) {
      // Without it ALS ignores checkpointInterval and long runs overflow the stack.
      LOG.warn("no Spark checkpoint directory is set: ALS lineage grows with every iteration");
    }
    return estimator(p).fit(dense);
  }

  /**
   * The model's best {@code n} items for each of {@code users} (user_id), as (user_id, item_id,
   * score). Users or items without a factor are simply absent.
   */
  public static Dataset<Row> recommend(
      ALSModel model, Dataset<Row> users, Dataset<Row> userIndex, Dataset<Row> itemIndex, int n) {
    Dataset<Row> uids = users.join(userIndex, "user_id").select("uid");
    return model.recommendForUserSubset(uids, n)
        .select(col("uid"), explode(col("recommendations")).as("r"))
        .select(col("uid"), col("r.iid").as("iid"), col("r.rating").cast("double").as("score"))
        .join(userIndex, "uid")
        .join(itemIndex, "iid")
        .select("user_id", "item_id", "score");
  }
}
