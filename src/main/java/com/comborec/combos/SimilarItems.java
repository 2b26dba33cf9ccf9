package com.comborec.combos;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import com.comborec.contract.Schemas;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Content-based neighbours: exact for catalogs up to {@code exact-max-items} (the vectors are
 * broadcast and every item is scored against every listable item), else within each top-level
 * category, with the recall of that blocking measured against exact on a sample.
 */
public final class SimilarItems {
  /** The contract table, how it was computed, and the blocked search's recall (null if exact). */
  public record Result(Dataset<Row> table, String method, Double recallAtM) {}

  public static final String EXACT = "exact";
  public static final String BLOCKED = "blocked_top_category";

  private SimilarItems() {}

  /** Chooses the method by catalog size; {@code vectors} is read several times, so cache it. */
  public static Result similarItems(Dataset<Row> vectors, SimilarSettings s) {
    if (vectors.count() <= s.exactMaxItems()) {
      return new Result(exact(vectors, s), EXACT, null);
    }
    Dataset<Row> blocked = blocked(vectors, s).cache();
    return new Result(blocked, BLOCKED, NeighborRecall.recallAtM(vectors, pairs(blocked), s));
  }

  /** Every item against every listable item; the vectors (catalog-sized) are broadcast. */
  public static Dataset<Row> exact(Dataset<Row> vectors, SimilarSettings s) {
    List<ItemVector> all = vectors.collectAsList().stream().map(SimilarItems::itemVector).toList();
    Broadcast<NeighborSearch> search =
        JavaSparkContext.fromSparkContext(vectors.sparkSession().sparkContext())
            .broadcast(new NeighborSearch(all, s.cosine()));
    int m = s.topM();
    int parallelism = vectors.sparkSession().sparkContext().defaultParallelism();
    return vectors
        .repartition(parallelism)
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>)
                rows -> mapped(rows, r -> tableRow(search.value(), itemVector(r), m)),
            Encoders.row(Schemas.SIMILAR_ITEMS));
  }

  /** Each item against the listable items of its own top-level category only. */
  public static Dataset<Row> blocked(Dataset<Row> vectors, SimilarSettings s) {
    boolean cosine = s.cosine();
    int m = s.topM();
    return vectors
        .groupByKey((MapFunction<Row, String>) r -> r.getAs("block"), Encoders.STRING())
        .flatMapGroups(
            (FlatMapGroupsFunction<String, Row, Row>)
                (block, rows) -> {
                  List<ItemVector> members = new ArrayList<>();
                  rows.forEachRemaining(r -> members.add(itemVector(r)));
                  NeighborSearch search = new NeighborSearch(members, cosine);
                  return members.stream().map(v -> tableRow(search, v, m)).iterator();
                },
            Encoders.row(Schemas.SIMILAR_ITEMS));
  }

  /** The long form of the table: item_id, other_item_id, similarity, rank. */
  public static Dataset<Row> pairs(Dataset<Row> table) {
    return table
        .select(col("item_id"), explode(col("neighbors")).as("n"))
        .select(
            col("item_id"),
            col("n.item_id").as("other_item_id"),
            col("n.similarity").as("similarity"),
            col("n.rank").as("rank"));
  }

  static ItemVector itemVector(Row r) {
    return ItemVector.of(
        r.getAs("item_id"), r.<Vector>getAs("features"), r.<Boolean>getAs("listable"));
  }

  /** One contract row: the item and its ranked neighbours (possibly none). */
  static Row tableRow(NeighborSearch search, ItemVector item, int m) {
    List<Row> neighbors = new ArrayList<>();
    for (NeighborSearch.Neighbor n : search.topM(item, m)) {
      neighbors.add(RowFactory.create(neighbors.size() + 1, n.id(), n.similarity()));
    }
    return RowFactory.create(item.id(), CollectionConverters.asScala(neighbors).toSeq());
  }

  /** A lazily mapped iterator, so a partition is never held in memory at once. */
  static <A, B> Iterator<B> mapped(Iterator<A> in, java.util.function.Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public B next() {
        return f.apply(in.next());
      }
    };
  }
}
