package com.comborec.segment;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Joins RFM, demographics and category shares onto every known user, with documented neutral values
 * for what a user lacks, and names the model and profile columns.
 */
public final class UserFeatures {
  private UserFeatures() {}

  /**
   * Distinct non-null user ids of the users snapshot and of the window's events; guests are not
   * users.
   */
  public static Dataset<Row> knownUsers(Dataset<Row> users, Dataset<Row> events) {
    return users
        .select("user_id")
        .union(events.select("user_id"))
        .filter(col("user_id").isNotNull())
        .distinct();
  }

  /** Every feature of every known user; {@code windowDays} is the look-back the events cover. */
  public static FeatureTable build(
      Dataset<Row> users,
      Dataset<Row> events,
      Dataset<Row> products,
      LocalDate runDate,
      int windowDays,
      SegmentSettings s) {
    Dataset<Row> lines = RfmFeatures.priceLines(events, products);
    DemographicFeatures.Vocabulary vocab =
        DemographicFeatures.vocabulary(users, SegmentSettings.TOP_GENDERS, s.topRegions());
    List<TopValues.Value> categories = CategoryShares.topCategories(lines, s.topCategories());
    Dataset<Row> demographics =
        DemographicFeatures.computeDemographics(users, runDate.getYear(), vocab);
    Dataset<Row> joined =
        knownUsers(users, events)
            .join(RfmFeatures.computeRfm(lines, runDate), "user_id", "left")
            .join(demographics, "user_id", "left")
            .join(CategoryShares.computeShares(lines, categories), "user_id", "left");
    List<String> indicators = new ArrayList<>(vocab.columns());
    indicators.addAll(CategoryShares.columns(categories));
    Dataset<Row> rows = fillDefaults(joined, demographics, windowDays, indicators);
    return new FeatureTable(
        rows, modelColumns(indicators), profileColumns(indicators), categoryNames(categories));
  }

  /**
   * Neutral values for what a user lacks, documented because they shape the segments: no purchase
   * means recency = the window length (just beyond the oldest possible purchase), frequency 0 and
   * monetary 0; an unknown age is imputed with the mean known age (0 when nobody has one) and
   * flagged in age_missing, so it sits at the centre after standardising; a missing gender or
   * region and a user without purchases have all their 0/1 and share columns at 0. Frequency and
   * monetary are heavy-tailed (a few big spenders would dominate the distances), so the model sees
   * log1p of both.
   */
  static Dataset<Row> fillDefaults(
      Dataset<Row> joined, Dataset<Row> demographics, int windowDays, List<String> indicators) {
    Dataset<Row> meanAge = demographics.agg(avg("age").as("mean_age"));
    Dataset<Row> out =
        joined
            .crossJoin(meanAge)
            .withColumn(
                "recency_days", coalesce(col("recency_days"), lit(windowDays)).cast("double"))
            .withColumn("frequency", coalesce(col("frequency"), lit(0L)).cast("double"))
            .withColumn("monetary", coalesce(col("monetary"), lit(0.0)))
            .withColumn("log_frequency", log1p(col("frequency")))
            .withColumn("log_monetary", log1p(col("monetary")))
            .withColumn("age_missing", when(col("age").isNull(), 1.0).otherwise(0.0))
            .withColumn("age_filled", coalesce(col("age"), col("mean_age"), lit(0.0)));
    for (String c : indicators) {
      out = out.withColumn(c, coalesce(col(c), lit(0.0)));
    }
    return out.drop("mean_age");
  }

  static List<String> modelColumns(List<String> indicators) {
    List<String> out =
        new ArrayList<>(
            List.of("recency_days", "log_frequency", "log_monetary", "age_filled", "age_missing"));
    out.addAll(indicators);
    return out;
  }

  static List<String> profileColumns(List<String> indicators) {
    List<String> out =
        new ArrayList<>(List.of("recency_days", "frequency", "monetary", "age", "age_missing"));
    out.addAll(indicators);
    return out;
  }

  private static Map<String, String> categoryNames(List<TopValues.Value> categories) {
    Map<String, String> out = new LinkedHashMap<>();
    categories.forEach(v -> out.put(CategoryShares.PREFIX + "_" + v.token(), v.display()));
    return out;
  }
}
