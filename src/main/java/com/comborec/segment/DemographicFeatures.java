package com.comborec.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Age, gender and region per user from the users snapshot. Gender and region become one-hot columns
 * for their top values plus 'other'; a missing value leaves all its columns at 0.
 */
public final class DemographicFeatures {
  static final String GENDER = "gender";
  static final String REGION = "region";

  /** The kept gender and region values; their one-hot columns follow from them. */
  public record Vocabulary(List<TopValues.Value> genders, List<TopValues.Value> regions) {
    public List<String> columns() {
      List<String> out = new ArrayList<>(TopValues.oneHotColumns(GENDER, genders));
      out.addAll(TopValues.oneHotColumns(REGION, regions));
      return out;
    }
  }

  private DemographicFeatures() {}

  /** The most common genders and regions among the snapshot's users. */
  public static Vocabulary vocabulary(Dataset<Row> users, int topGenders, int topRegions) {
    Dataset<Row> tokens = withTokens(users);
    return new Vocabulary(
        TopValues.top(tokens, "gender_token", GENDER, lit(1L), topGenders),
        TopValues.top(tokens, "region_token", REGION, lit(1L), topRegions));
  }

  /**
   * user_id, age (double: run year minus birth_year; null when unknown) and the one-hot columns of
   * {@code vocab}. Ingest already keeps birth_year within 1900 .. run year.
   */
  public static Dataset<Row> computeDemographics(
      Dataset<Row> users, int runYear, Vocabulary vocab) {
    Dataset<Row> out =
        withTokens(users.filter(col("user_id").isNotNull()))
            .withColumn("age", lit(runYear).minus(col("birth_year")).cast("double"));
    out = TopValues.withOneHot(out, "gender_token", GENDER, vocab.genders());
    out = TopValues.withOneHot(out, "region_token", REGION, vocab.regions());
    List<String> keep = new ArrayList<>(List.of("user_id", "age"));
    keep.addAll(vocab.columns());
    return out.select(keep.stream().map(functions::col).toArray(Column[]::new));
  }

  private static Dataset<Row> withTokens(Dataset<Row> users) {
    return users
        .withColumn("gender_token", TopValues.token(col(GENDER)))
        .withColumn("region_token", TopValues.token(col(REGION)));
  }
}
