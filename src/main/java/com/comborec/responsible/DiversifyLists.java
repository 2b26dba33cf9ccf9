package com.comborec.responsible;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import com.comborec.contract.Schemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@link Diversify} over a Dataset of candidate lists, for the recommend stage: each row's
 * candidates array becomes the contract's ranked {@code items} array; every other column passes
 * through. The re-ranker (with its similarity and popularity maps) is broadcast once.
 */
public final class DiversifyLists {
  /** The candidate struct the recommend stage provides (category and because_item_id nullable). */
  public static final StructType CANDIDATE =
      new StructType()
          .add("item_id", StringType, false)
          .add("score", DoubleType, false)
          .add("category", StringType, true)
          .add("reason", StringType, false)
          .add("because_item_id", StringType, true);

  private DiversifyLists() {}

  /**
   * Builds the re-ranker of a run: reads the {@code similar} pairs only when MMR is on and the
   * purchase counts only when debias is on (either dataset may then be null).
   *
   * @param similar item_id, other_item_id, similarity (the combos stage's work dataset)
   * @param purchases item_id, purchases (see {@link ExposureMetrics#purchaseCounts})
   */
  public static Diversify prepare(
      ResponsibleSettings s, Dataset<Row> similar, Dataset<Row> purchases) {
    ItemSimilarity sim =
        s.mmrOn() && similar != null ? SimilarityPairs.collect(similar) : ItemSimilarity.none();
    Map<String, Double> pop = new HashMap<>();
    if (s.debiasOn() && purchases != null) {
      Iterator<Row> rows = purchases.select("item_id", "purchases").toLocalIterator();
      while (rows.hasNext()) {
        Row r = rows.next();
        pop.put(r.getString(0), ((Number) r.get(1)).doubleValue());
      }
    }
    return new Diversify(s, sim, pop);
  }

  /**
   * Replaces {@code candidatesColumn} (array of {@link #CANDIDATE}, optionally with a double {@code
   * relevance} that orders instead of the score; other extra struct fields ignored) by {@code
   * items} (array of the contract's rank, item_id, score, reason, because_item_id) at the same
   * position, holding the top {@code topN} after diversification. A null array gives an empty list.
   */
  public static Dataset<Row> rerank(
      Dataset<Row> lists, String candidatesColumn, int topN, Diversify diversify) {
    StructType in = lists.schema();
    int column = fieldIndex(in, candidatesColumn);
    int[] fields = candidateFields(in.fields()[column]);
    int relevance = relevanceField(in.fields()[column]);
    StructType out = outputSchema(in, column);
    Broadcast<Diversify> shared =
        JavaSparkContext.fromSparkContext(lists.sparkSession().sparkContext()).broadcast(diversify);
    return lists.mapPartitions(
        (Iterator<Row> rows) ->
            new Iterator<Row>() {
              @Override
              public boolean hasNext() {
                return rows.hasNext();
              }

              @Override
              public Row next() {
                return rerankRow(rows.next(), column, fields, relevance, topN, shared.value());
              }
            },
        Encoders.row(out));
  }

  /**
   * With a relevance field, the re-ranker orders by it while each item keeps its own score in the
   * output (the caller's scores may not be comparable across candidates).
   */
  private static Row rerankRow(
      Row row, int column, int[] f, int relevance, int topN, Diversify diversify) {
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Double> scores = new HashMap<>();
    if (!row.isNullAt(column)) {
      for (Row c : row.<Row>getList(column)) {
        double order = relevance < 0 ? c.getDouble(f[1]) : c.getDouble(relevance);
        scores.merge(c.getString(f[0]), c.getDouble(f[1]), Math::max);
        candidates.add(
            new Candidate(
                c.getString(f[0]), order, optional(c, f[2]), c.getString(f[3]), optional(c, f[4])));
      }
    }
    List<Row> items = new ArrayList<>();
    for (RankedItem r : diversify.rerank(candidates, topN)) {
      items.add(
          RowFactory.create(
              r.rank(), r.itemId(), scores.get(r.itemId()), r.reason(), r.becauseItemId()));
    }
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      // Row encoders take Scala sequences for arrays; a Buffer view of the list is one.
      values[i] = i == column ? CollectionConverters.asScala(items) : row.get(i);
    }
    return RowFactory.create(values);
  }

  /** Position of an optional double field "relevance" in the candidate struct, -1 when absent. */
  private static int relevanceField(StructField field) {
    StructType element = (StructType) ((ArrayType) field.dataType()).elementType();
    int idx = element.getFieldIndex("relevance").getOrElse(() -> -1);
    if (idx >= 0 && !element.fields()[idx].dataType().equals(DoubleType)) {
      throw new IllegalArgumentException(
          "candidate field relevance must be double in " + element.simpleString());
    }
    return idx;
  }

  private static String optional(Row c, int index) {
    return index < 0 || c.isNullAt(index) ? null : c.getString(index);
  }

  private static StructType outputSchema(StructType in, int column) {
    StructField[] fields = in.fields().clone();
    fields[column] =
        DataTypes.createStructField(
            "items", DataTypes.createArrayType(Schemas.RECOMMENDATION_ITEM, false), false);
    return new StructType(fields);
  }

  /**
   * Positions of item_id, score, category, reason, because_item_id in the struct (-1 = absent,
   * optional only).
   */
  private static int[] candidateFields(StructField field) {
    if (!(field.dataType() instanceof ArrayType a)
        || !(a.elementType() instanceof StructType element)) {
      throw new IllegalArgumentException(
          "column "
              + field.name()
              + " must be an array of candidate structs, got "
              + field.dataType().simpleString());
    }
    int[] out = new int[CANDIDATE.size()];
    for (int i = 0; i < out.length; i++) {
      StructField wanted = CANDIDATE.fields()[i];
      int idx = element.getFieldIndex(wanted.name()).getOrElse(() -> -1);
      boolean typed = idx >= 0 && element.fields()[idx].dataType().equals(wanted.dataType());
      if ((idx >= 0 && !typed) || (idx < 0 && !wanted.nullable())) {
        throw new IllegalArgumentException(
            String.format(
                "candidate struct of %s needs %s %s, got %s",
                field.name(),
                wanted.name(),
                wanted.dataType().simpleString(),
                element.simpleString()));
      }
      out[i] = idx;
    }
    return out;
  }

  private static int fieldIndex(StructType schema, String name) {
    int idx = schema.getFieldIndex(name).getOrElse(() -> -1);
    if (idx < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + schema.simpleString());
    }
    return idx;
  }
}
