package com.comborec.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.RejectReason;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An ordered list of row rules. The first rule a row breaks gives its reason and detail, so each
 * rejected row is counted once, under the most basic problem it has.
 */
final class RuleSet {
  static final String REASON = "_reason";
  static final String DETAIL = "_detail";
  private static final String MATCHED = "_rule";

  /** One rule: when {@code broken} holds, the row is rejected with this reason and detail. */
  record Rule(Column broken, RejectReason reason, Column detail) {}

  private final List<Rule> rules = new ArrayList<>();

  RuleSet add(Column broken, RejectReason reason, Column detail) {
    rules.add(new Rule(coalesce(broken, lit(false)), reason, detail));
    return this;
  }

  RuleSet missing(String column) {
    return add(
        col(column).isNull(),
        RejectReason.MISSING_REQUIRED,
        lit(column + ": required value is empty"));
  }

  RuleSet unparsable(String column, Column parsed, RejectReason reason, String expected) {
    return add(
        Parse.unparsable(col(column), parsed),
        reason,
        concat(lit(column + ": '"), col(column), lit("' is not " + expected)));
  }

  RuleSet outOfRange(String column, Column broken, String rule) {
    return add(
        broken,
        RejectReason.OUT_OF_RANGE,
        concat(lit(column + ": '"), col(column), lit("' " + rule)));
  }

  RuleSet idLength(String column, int max) {
    return add(
        org.apache.spark.sql.functions.length(col(column)).gt(max),
        RejectReason.OUT_OF_RANGE,
        lit(column + ": longer than " + max + " characters"));
  }

  /**
   * Adds {@code _reason}/{@code _detail}; rows the splitter rejected (bad_encoding, malformed_row)
   * always come first, with its reason and detail. Each condition is evaluated once per row: the
   * index of the first broken rule is computed in its own projection (Spark does not inline a
   * costly column that is read twice), and reason and detail are looked up by that index, so only
   * the matched rule's detail text is ever built.
   */
  Dataset<Row> apply(Dataset<Row> raw) {
    Column first = when(col(RawReader.PARSE_REASON).isNotNull(), lit(0));
    for (int i = 0; i < rules.size(); i++) {
      first = first.when(rules.get(i).broken(), lit(i + 1));
    }
    Column matched = col(MATCHED);
    Column reason = when(matched.equalTo(0), col(RawReader.PARSE_REASON));
    Column detail = when(matched.equalTo(0), col(RawReader.PARSE_DETAIL));
    for (int i = 0; i < rules.size(); i++) {
      reason = reason.when(matched.equalTo(i + 1), lit(rules.get(i).reason().code()));
      detail = detail.when(matched.equalTo(i + 1), rules.get(i).detail());
    }
    return raw.withColumn(MATCHED, first)
        .withColumn(REASON, reason)
        .withColumn(DETAIL, detail)
        .drop(MATCHED);
  }
}
