package com.comborec.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.Reason;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Personal candidates with their reasons: (user_id, item_id, score double, reason,
 * because_item_id). ALS items are {@code personal}; co-occurrence items are {@code bought_with} the
 * user's purchased item that links to them most strongly, else {@code similar_to} the engaged item
 * that does.
 */
public final class PersonalCandidates {
  public static final StructType SCHEMA =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("score", DataTypes.DoubleType)
          .add("reason", DataTypes.StringType)
          .add("because_item_id", DataTypes.StringType);

  private PersonalCandidates() {}

  /** TopN output (uid, recommendations [(iid, score)]) in string ids, reason personal. */
  public static Dataset<Row> fromTopN(
      Dataset<Row> topN, Dataset<Row> userIndex, Dataset<Row> itemIndex) {
    return topN.select(col("uid"), explode(col("recommendations")).as("r"))
        .select(col("uid"), col("r.iid").as("iid"), col("r.score").cast("double").as("score"))
        .join(userIndex, "uid")
        .join(itemIndex, "iid")
        .select(
            col("user_id"),
            col("item_id"),
            col("score"),
            lit(Reason.PERSONAL.code()).as("reason"),
            lit(null).cast("string").as("because_item_id"));
  }

  /**
   * Co-occurrence scores, as the model stage evaluated them: the sum of the item's neighbour scores
   * over the user's interacted items. The reason names the linking item: the bought one with the
   * highest neighbour score (ties: lowest id), else the engaged one.
   */
  public static Dataset<Row> cooccurrence(
      Dataset<Row> interactions, Dataset<Row> purchases, Dataset<Row> cooc) {
    Dataset<Row> bought =
        purchases.select(col("user_id"), col("item_id").as("source"), lit(true).as("bought"));
    Dataset<Row> links =
        interactions
            .select(col("user_id"), col("item_id").as("source"))
            .join(
                cooc.select(
                    col("item_id").as("source"),
                    col("other_item_id").as("item_id"),
                    col("score").as("link")),
                "source")
            .join(bought, new String[] {"user_id", "source"}, "left");
    return links
        .groupBy("user_id", "item_id")
        .agg(
            sum("link").as("score"),
            expr("min_by(source, CASE WHEN bought THEN struct(-link, source) END)")
                .as("because_bought"),
            expr("min_by(source, struct(-link, source))").as("because_any"))
        .select(
            col("user_id"),
            col("item_id"),
            col("score"),
            when(col("because_bought").isNotNull(), lit(Reason.BOUGHT_WITH.code()))
                .otherwise(lit(Reason.SIMILAR_TO.code()))
                .as("reason"),
            when(col("because_bought").isNotNull(), col("because_bought"))
                .otherwise(col("because_any"))
                .as("because_item_id"));
  }

  /**
   * The model stage's served lists (user_id, item_id, score) as candidates: reason personal, no
   * because-item (the lists come from EASE, item-kNN, their blend with popularity, or the ranker).
   */
  public static Dataset<Row> served(Dataset<Row> lists) {
    return lists.select(
        col("user_id"),
        col("item_id"),
        col("score"),
        lit(Reason.PERSONAL.code()).as("reason"),
        lit(null).cast("string").as("because_item_id"));
  }

  /** The best {@code n} per user by score (ties: item_id ascending). */
  public static Dataset<Row> topPerUser(Dataset<Row> scored, int n) {
    return scored
        .withColumn(
            "pos",
            row_number()
                .over(
                    Window.partitionBy("user_id")
                        .orderBy(col("score").desc(), col("item_id").asc())))
        .filter(col("pos").leq(n))
        .drop("pos");
  }
}
