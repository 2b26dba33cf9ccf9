package com.comborec.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.Source;
import com.comborec.core.RunContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a published table looks like with pseudonymisation on: every {@code user_id} column holds
 * the keyed pseudonym, and rejects of sources that carry user ids lose their raw {@code line}
 * (their {@code detail} stays: no rule ever quotes a user id there). Off: tables pass unchanged.
 */
public final class PrivacyFilter {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyFilter.class);

  /** Columns that hold a person's id in the published contract. */
  public static final List<String> USER_COLUMNS = List.of("user_id");

  /** Input sources whose raw rows carry user ids (products and market do not). */
  public static final List<String> PERSONAL_SOURCES =
      List.of(Source.EVENTS.folder(), Source.USERS.folder(), Source.FEEDBACK.folder());

  private PrivacyFilter() {}

  /**
   * The hook of {@code TableWriter.stage}: the table as it may be published under this run's
   * config.
   */
  public static Dataset<Row> apply(RunContext ctx, String table, Dataset<Row> rows) {
    PrivacySettings p = ctx.config().get(PrivacySettings.SECTION);
    List<String> columns = userColumns(rows);
    boolean rejects = table.equals("rejects");
    if (!p.pseudonymize() || (columns.isEmpty() && !rejects)) {
      return rows;
    }
    Pseudonymizer pseudonymizer = PseudonymKeys.pseudonymizer(p);
    List<String> actions = new ArrayList<>();
    columns.forEach(c -> actions.add(c + " pseudonymised"));
    if (rejects) {
      actions.add("raw lines of " + PERSONAL_SOURCES + " removed");
    }
    LOG.info(
        "[privacy] {}: {} (key id {})", table, String.join("; ", actions), pseudonymizer.keyId());
    return apply(table, rows, pseudonymizer);
  }

  /** Pure form: pseudonymises the user columns present and scrubs personal rejects lines. */
  public static Dataset<Row> apply(String table, Dataset<Row> rows, Pseudonymizer pseudonymizer) {
    Dataset<Row> out = rows;
    for (String column : userColumns(rows)) {
      out = pseudonymizeColumn(out, column, pseudonymizer);
    }
    if (table.equals("rejects")) {
      out =
          out.withColumn(
              "line",
              when(col("source").isin(PERSONAL_SOURCES.toArray()), lit(null).cast("string"))
                  .otherwise(col("line")));
    }
    return out;
  }

  /** Replaces a string column by its pseudonyms, in place; the key travels as a broadcast. */
  public static Dataset<Row> pseudonymizeColumn(
      Dataset<Row> in, String column, Pseudonymizer pseudonymizer) {
    return in.withColumn(column, pseudonymUdf(in, pseudonymizer).apply(col(column)));
  }

  /** A Column function for callers that build their own projection. */
  public static Column pseudonymized(Dataset<Row> in, Column id, Pseudonymizer pseudonymizer) {
    return pseudonymUdf(in, pseudonymizer).apply(id);
  }

  private static List<String> userColumns(Dataset<Row> rows) {
    return USER_COLUMNS.stream().filter(Arrays.asList(rows.columns())::contains).toList();
  }

  private static UserDefinedFunction pseudonymUdf(Dataset<Row> in, Pseudonymizer pseudonymizer) {
    Broadcast<Pseudonymizer> shared =
        JavaSparkContext.fromSparkContext(in.sparkSession().sparkContext())
            .broadcast(pseudonymizer);
    UDF1<String, String> f = id -> shared.value().pseudonym(id);
    return functions.udf(f, DataTypes.StringType);
  }
}
