package com.comborec.model.candidates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import com.comborec.features.Interactions;
import com.comborec.model.itemitem.ItemGram;
import com.comborec.model.itemitem.ItemItemModel;
import com.comborec.model.itemitem.ItemItemScores;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * What the generators learn from at one cutoff: the validated events of the look-back window ending
 * on the cutoff day, and the pieces several generators share (purchases, distinct buyers per
 * window, the item Gram matrix, the ALS training set), each computed once and cached until {@link
 * #close()}.
 */
public final class TrainingData implements AutoCloseable {
  static final String PURCHASE = "purchase";

  private final LocalDate cutoff;
  private final Dataset<Row> events;
  private final GeneratorSettings settings;
  private final boolean repeats;
  private final List<Dataset<Row>> cached = new ArrayList<>();
  private final Map<Integer, Dataset<Row>> buyers = new HashMap<>();
  private Dataset<Row> purchases;
  private ItemGram gram;
  private Broadcast<ItemItemModel> ease;
  private Broadcast<ItemItemModel> knn;
  private TrainSet trainSet;

  /**
   * {@code events}: validated events with their {@code dt}, none after the cutoff day; with {@code
   * repeats} lists may hold items the user bought before (repeat purchases are relevant).
   */
  public TrainingData(
      LocalDate cutoff, Dataset<Row> events, GeneratorSettings settings, boolean repeats) {
    this.cutoff = cutoff;
    this.events = events;
    this.settings = settings;
    this.repeats = repeats;
  }

  /** Whether lists may repeat what the user bought. */
  public boolean repeats() {
    return repeats;
  }

  /** (user_id, item_id) pairs lists must not hold: the purchases, or nothing with repeats. */
  public Dataset<Row> excluded() {
    return repeats ? purchases().limit(0) : purchases();
  }

  /** The window's events of days up to and including {@code cutoff}. */
  public static Dataset<Row> upTo(Dataset<Row> events, LocalDate cutoff, int lookbackDays) {
    return events.filter(
        col("dt")
            .leq(lit(Date.valueOf(cutoff)))
            .and(col("dt").gt(lit(Date.valueOf(cutoff.minusDays(lookbackDays))))));
  }

  public LocalDate cutoff() {
    return cutoff;
  }

  public Dataset<Row> events() {
    return events;
  }

  public GeneratorSettings settings() {
    return settings;
  }

  /** Distinct (user_id, item_id) purchases of known users: what lists never repeat. */
  public synchronized Dataset<Row> purchases() {
    if (purchases == null) {
      purchases =
          keep(
              events
                  .filter(col("event_type").equalTo(PURCHASE).and(col("user_id").isNotNull()))
                  .select("user_id", "item_id")
                  .distinct());
    }
    return purchases;
  }

  /** (item_id, buyers): distinct known customers who bought the item in the last {@code days}. */
  public synchronized Dataset<Row> buyers(int days) {
    return buyers.computeIfAbsent(days, d -> keep(buyersBetween(d, 1)));
  }

  /** Distinct known buyers over the days cutoff - far + 1 .. cutoff - near + 1. */
  Dataset<Row> buyersBetween(int far, int near) {
    return events
        .filter(col("event_type").equalTo(PURCHASE).and(col("user_id").isNotNull()))
        .filter(
            col("dt")
                .geq(lit(Date.valueOf(cutoff.minusDays(far - 1L))))
                .and(col("dt").leq(lit(Date.valueOf(cutoff.minusDays(near - 1L))))))
        .groupBy("item_id")
        .agg(countDistinct("user_id").as("buyers"));
  }

  /** The item Gram matrix over the most-bought items (EASE and item-kNN share it). */
  public synchronized ItemGram gram() {
    if (gram == null) {
      gram = ItemGram.of(purchases(), settings.easeMaxItems());
    }
    return gram;
  }

  /** EASE over the Gram matrix, broadcast once for every list that scores with it. */
  public synchronized Broadcast<ItemItemModel> ease() {
    if (ease == null) {
      ease = ItemItemScores.share(events, ItemItemModel.ease(gram(), settings.easeLambda()));
    }
    return ease;
  }

  /** Cosine item-kNN over the same Gram matrix, broadcast once. */
  public synchronized Broadcast<ItemItemModel> knn() {
    if (knn == null) {
      knn = ItemItemScores.share(events, ItemItemModel.cosine(gram()));
    }
    return knn;
  }

  /** Decayed interaction strengths as of the end of the cutoff day, with dense ids for ALS. */
  public synchronized TrainSet trainSet() {
    if (trainSet == null) {
      trainSet =
          TrainSet.fromEvents(
              events,
              settings.eventWeights(),
              settings.interactions(),
              Interactions.endOfDay(cutoff, settings.timeZone()));
    }
    return trainSet;
  }

  private Dataset<Row> keep(Dataset<Row> ds) {
    Dataset<Row> persisted = ds.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  @Override
  public synchronized void close() {
    cached.forEach(Dataset::unpersist);
    cached.clear();
    buyers.clear();
    purchases = null;
    gram = null;
    // Unpersist, not destroy: a lazily evaluated list built from it may still be read.
    if (ease != null) {
      ease.unpersist();
      ease = null;
    }
    if (knn != null) {
      knn.unpersist();
      knn = null;
    }
    if (trainSet != null) {
      trainSet.release();
      trainSet = null;
    }
  }
}
