package com.comborec.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import com.comborec.contract.Reason;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Personal candidates with their reasons: (user_id, item_id, score double, reason,
 * because_item_id). ALS items and the model stage's served lists are {@code personal};
 * co-occurrence items ({@link CooccurrenceCandidates}) are {@code bought_with} the user's purchased
 * item that links to them most strongly, else {@code similar_to} the engaged item that does.
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
