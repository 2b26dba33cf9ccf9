package com.comborec.model.candidates;

import com.comborec.features.InteractionSettings;
import com.comborec.features.Interactions;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Interactions of a training period with their dense ids, cached because ALS, co-occurrence and the
 * id mapping all read them; {@link #release()} unpersists.
 *
 * @param interactions (user_id, item_id, strength)
 * @param dense (uid, iid, strength) for ALS
 */
public record TrainSet(
    Dataset<Row> interactions, Dataset<Row> userIndex, Dataset<Row> itemIndex, Dataset<Row> dense) {

  /** Interactions as of {@code end}, indexed on their own (the holdout period's ids). */
  public static TrainSet fromEvents(
      Dataset<Row> events, Map<String, Double> weights, InteractionSettings s, Instant end) {
    Dataset<Row> interactions =
        Interactions.computeStrengths(events, weights, s, end)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> users =
        Interactions.buildIndex(interactions, "user_id", "uid")
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> items =
        Interactions.buildIndex(interactions, "item_id", "iid")
            .persist(StorageLevel.MEMORY_AND_DISK());
    return of(interactions, users, items);
  }

  /** The run's interactions with the run's indexes (features stage outputs). */
  public static TrainSet of(
      Dataset<Row> interactions, Dataset<Row> userIndex, Dataset<Row> itemIndex) {
    Dataset<Row> dense =
        Interactions.toDenseIds(interactions, userIndex, itemIndex)
            .persist(StorageLevel.MEMORY_AND_DISK());
    return new TrainSet(interactions, userIndex, itemIndex, dense);
  }

  public void release() {
    dense.unpersist();
    itemIndex.unpersist();
    userIndex.unpersist();
    interactions.unpersist();
  }
}
