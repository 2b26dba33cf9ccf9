package com.comborec.combos;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Recall@M of an approximate neighbour search against the exact one, on a deterministic sample of
 * items: the share of each sampled item's exact top M that the approximate search also found.
 */
public final class NeighborRecall {
  static final StructType FOUND =
      new StructType()
          .add("item_id", DataTypes.StringType, false)
          .add("other_item_id", DataTypes.StringType, false)
          .add("similarity", DataTypes.DoubleType, false);

  private NeighborRecall() {}

  /** {@code approximate}: item_id, other_item_id pairs. 1.0 when the sample has no neighbours. */
  public static double recallAtM(
      Dataset<Row> vectors, Dataset<Row> approximate, SimilarSettings s) {
    Dataset<Row> exact = exactForSample(vectors, s);
    long wanted = exact.count();
    if (wanted == 0) {
      return 1.0;
    }
    long found =
        exact
            .join(
                approximate.select("item_id", "other_item_id"),
                exact
                    .col("item_id")
                    .equalTo(approximate.col("item_id"))
                    .and(exact.col("other_item_id").equalTo(approximate.col("other_item_id"))),
                "left_semi")
            .count();
    return (double) found / wanted;
  }

  /** Exact top M of the sampled items: top M per catalog partition, then the best M overall. */
  static Dataset<Row> exactForSample(Dataset<Row> vectors, SimilarSettings s) {
    // A hash order is a fixed pseudo-random sample: the same catalog gives the same figure.
    List<ItemVector> sample =
        vectors
            .orderBy(hash(col("item_id")), col("item_id"))
            .limit(s.recallSample())
            .collectAsList()
            .stream()
            .map(SimilarItems::itemVector)
            .toList();
    Broadcast<List<ItemVector>> queries =
        JavaSparkContext.fromSparkContext(vectors.sparkSession().sparkContext()).broadcast(sample);
    boolean cosine = s.cosine();
    int m = s.topM();
    Dataset<Row> partial =
        vectors.mapPartitions(
            (MapPartitionsFunction<Row, Row>)
                rows -> {
                  List<ItemVector> candidates = new ArrayList<>();
                  rows.forEachRemaining(r -> candidates.add(SimilarItems.itemVector(r)));
                  return found(new NeighborSearch(candidates, cosine), queries.value(), m)
                      .iterator();
                },
            Encoders.row(FOUND));
    var best =
        Window.partitionBy("item_id").orderBy(col("similarity").desc(), col("other_item_id"));
    return partial.withColumn("rank", row_number().over(best)).filter(col("rank").leq(m));
  }

  private static List<Row> found(NeighborSearch search, List<ItemVector> queries, int m) {
    List<Row> out = new ArrayList<>();
    for (ItemVector q : queries) {
      search.topM(q, m).forEach(n -> out.add(RowFactory.create(q.id(), n.id(), n.similarity())));
    }
    return out;
  }
}
