package com.comborec.store;

import org.apache.spark.sql.types.StructType;

/**
 * Every dataset one stage leaves in the work store for another, with its one name and schema. The
 * writing stage and every reading stage go through this declaration ({@link WorkStore}), so a
 * folder name or a column cannot drift between them. Each is partitioned by run day: {@code
 * <work>/<name>/dt=<run day>}. (Validated inputs, partitioned by their input day, are owned by
 * {@link ValidatedStore} with the contract's schemas.)
 */
public enum WorkDataset {
  INTERACTIONS("interactions", "features", WorkSchemas.INTERACTIONS),
  USER_INDEX("user_index", "features", WorkSchemas.USER_INDEX),
  ITEM_INDEX("item_index", "features", WorkSchemas.ITEM_INDEX),
  MARKET_SIGNALS("market_signals", "market", WorkSchemas.MARKET_SIGNALS),
  ITEM_BOOSTS("item_boosts", "market", WorkSchemas.ITEM_BOOSTS),
  SEGMENTS("segments", "segment", WorkSchemas.SEGMENTS),
  PAIR_STATS("pair_stats", "combos", WorkSchemas.PAIR_STATS),
  SIMILAR("similar", "combos", WorkSchemas.SIMILAR),
  ALS_USER_FACTORS("als_user_factors", "model", WorkSchemas.FACTORS),
  ALS_ITEM_FACTORS("als_item_factors", "model", WorkSchemas.FACTORS),
  COOC("cooc", "model", WorkSchemas.COOC),
  POPULARITY("popularity", "model", WorkSchemas.POPULARITY),
  SEGMENT_POPULARITY("segment_popularity", "model", WorkSchemas.SEGMENT_POPULARITY),
  SERVED_LISTS("served_lists", "model", WorkSchemas.SERVED_LISTS),
  BUNDLE_SOLVES("bundle_solves", "bundle", WorkSchemas.BUNDLE_SOLVES);

  private final String folder;
  private final String writer;
  private final StructType schema;

  WorkDataset(String folder, String writer, StructType schema) {
    this.folder = folder;
    this.writer = writer;
    this.schema = schema;
  }

  /** The folder under the work root, also the name in logs and messages. */
  public String folder() {
    return folder;
  }

  /** The stage that writes it: named in the message when a reader finds it missing. */
  public String writer() {
    return writer;
  }

  public StructType schema() {
    return schema;
  }
}
