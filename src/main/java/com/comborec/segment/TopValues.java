package com.comborec.segment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The most frequent values of a categorical column, as safe column-name tokens, and the one-hot
 * columns built from them. Only the top N rows ever reach the driver.
 */
public final class TopValues {
  /** The bucket of every value outside the top N; a value whose token is 'other' joins it. */
  public static final String OTHER = "other";

  /** One kept value: its column-name token and a readable name for labels. */
  public record Value(String token, String display) {}

  private TopValues() {}

  /**
   * A lower-case token of {@code [a-z0-9_]}, so it can sit in a column name and a map key without
   * quoting (a '.' in a column name would be read as a struct field); null or blank stays null.
   */
  public static Column token(Column raw) {
    Column t = regexp_replace(regexp_replace(lower(trim(raw)), "[^a-z0-9]+", "_"), "^_+|_+$", "");
    return when(raw.isNull().or(trim(raw).equalTo("")), lit(null).cast("string"))
        .when(t.equalTo(""), lit("unknown"))
        .otherwise(t);
  }

  /**
   * The top {@code n} tokens of {@code tokenCol} by summed {@code weight}, ties by token; the
   * display name is the smallest lower-cased raw value with that token, for determinism.
   */
  public static List<Value> top(
      Dataset<Row> in, String tokenCol, String rawCol, Column weight, int n) {
    List<Value> out = new ArrayList<>();
    if (n <= 0) {
      return out;
    }
    List<Row> rows =
        in.filter(col(tokenCol).isNotNull().and(col(tokenCol).notEqual(OTHER)))
            .groupBy(col(tokenCol).as("token"))
            .agg(sum(weight).as("weight"), min(lower(trim(col(rawCol)))).as("display"))
            .orderBy(col("weight").desc(), col("token").asc())
            .limit(n)
            .collectAsList();
    for (Row r : rows) {
      out.add(new Value(r.getString(0), r.getString(2)));
    }
    return out;
  }

  /**
   * One 0/1 column per kept value ({@code prefix_token}) plus {@code prefix_other}; null is all 0.
   */
  public static Dataset<Row> withOneHot(
      Dataset<Row> in, String tokenCol, String prefix, List<Value> kept) {
    Dataset<Row> out = in;
    Column known = lit(false);
    for (Value v : kept) {
      Column hit = col(tokenCol).equalTo(v.token());
      out = out.withColumn(prefix + "_" + v.token(), when(hit, 1.0).otherwise(0.0));
      known = known.or(hit);
    }
    Column other = col(tokenCol).isNotNull().and(not(known));
    return out.withColumn(prefix + "_" + OTHER, when(other, 1.0).otherwise(0.0));
  }

  /** The column names {@link #withOneHot} adds, in order. */
  public static List<String> oneHotColumns(String prefix, List<Value> kept) {
    List<String> out = new ArrayList<>();
    kept.forEach(v -> out.add(prefix + "_" + v.token()));
    out.add(prefix + "_" + OTHER);
    return out;
  }
}
