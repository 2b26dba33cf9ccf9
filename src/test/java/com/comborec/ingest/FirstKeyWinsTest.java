package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/**
 * The duplicate-key rule on one task's rows (Spark's internal rows), as the reader delivers them:
 * by day, file, record.
 */
class FirstKeyWinsTest {
  static final StructType MARKET =
      new StructType()
          .add("date", DataTypes.StringType)
          .add("category", DataTypes.StringType)
          .add(RawReader.FILE, DataTypes.StringType)
          .add(RawReader.RECORD, DataTypes.LongType)
          .add(RawReader.DT, DataTypes.StringType)
          .add(RuleSet.REASON, DataTypes.StringType)
          .add(RuleSet.DETAIL, DataTypes.StringType);

  static InternalRow row(
      String date, String category, String file, long record, String day, String why) {
    return new GenericInternalRow(
        new Object[] {
          utf8(date),
          utf8(category),
          utf8(file),
          record,
          utf8(day),
          utf8(why),
          utf8(why == null ? null : "broken")
        });
  }

  private static UTF8String utf8(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }

  /** The rows as the rule passes them on, in order, as Java values. */
  static List<List<Object>> checked(List<InternalRow> rows) {
    List<List<Object>> out = new ArrayList<>();
    new FirstKeyWins(MARKET, "date", "category")
        .call(rows.iterator())
        .forEachRemaining(r -> out.add(values(r)));
    return out;
  }

  private static List<Object> values(InternalRow r) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < MARKET.size(); i++) {
      Object v = r.isNullAt(i) ? null : r.get(i, MARKET.fields()[i].dataType());
      out.add(v instanceof UTF8String u ? u.toString() : v);
    }
    return out;
  }

  /** "record reason details" of each row passed on. */
  static List<String> verdicts(List<InternalRow> rows) {
    return checked(rows).stream().map(r -> r.get(3) + " " + r.get(5) + " " + r.get(6)).toList();
  }

  @Test
  void laterRowsOfAKeyAreRejectedAndNameTheFirstRecordEvenInAnotherFile() {
    List<String> out =
        verdicts(
            List.of(
                row("2026-11-01", "toys", "a.csv", 1, "2026-11-01", null),
                row("2026-11-01", "home", "a.csv", 2, "2026-11-01", null),
                // Same date, other category: a different key.
                row("2026-11-01", "toys", "a.csv", 3, "2026-11-01", null),
                row("2026-11-01", "toys", "b.csv", 1, "2026-11-01", null)));
    assertEquals(
        List.of(
            "1 null null",
            "2 null null",
            "3 duplicate_key date, category: repeats the key of record 1",
            "1 duplicate_key date, category: repeats the key of record 1"),
        out);
  }

  @Test
  void aBrokenRowNeitherCompetesNorShadowsALaterGoodOne() {
    List<String> out =
        verdicts(
            List.of(
                row("2026-11-01", "toys", "a.csv", 1, "2026-11-01", "bad_number"),
                row("2026-11-01", "toys", "a.csv", 2, "2026-11-01", null),
                row("2026-11-01", "toys", "a.csv", 3, "2026-11-01", "out_of_range")));
    assertEquals(
        List.of(
            "1 bad_number broken",
            "2 null null",
            // Keeps its own first reason, not duplicate_key.
            "3 out_of_range broken"),
        out);
  }

  @Test
  void theSameKeyOnAnotherPartitionDayIsNoDuplicate() {
    List<String> out =
        verdicts(
            List.of(
                row("2026-11-01", "toys", "a.csv", 1, "2026-11-01", null),
                row("2026-11-01", "toys", "c.csv", 1, "2026-11-02", null)));
    assertEquals(List.of("1 null null", "1 null null"), out);
  }

  @Test
  void aDayThatComesBackAfterAnotherFailsRatherThanMissDuplicates() {
    List<InternalRow> rows =
        List.of(
            row("2026-11-01", "toys", "a.csv", 1, "2026-11-01", null),
            row("2026-11-02", "toys", "c.csv", 1, "2026-11-02", null),
            row("2026-11-01", "toys", "a.csv", 2, "2026-11-01", null));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> verdicts(rows));
    assertEquals("rows of partition day 2026-11-01 are not contiguous in one task", e.getMessage());
  }

  @Test
  void aRejectedRowKeepsEveryOtherValue() {
    List<List<Object>> out =
        checked(
            List.of(
                row("2026-11-01", "toys", "a.csv", 1, "2026-11-01", null),
                row("2026-11-01", "toys", "b.csv", 7, "2026-11-01", null)));
    assertEquals(
        Arrays.asList(
            "2026-11-01",
            "toys",
            "b.csv",
            7L,
            "2026-11-01",
            "duplicate_key",
            "date, category: repeats the key of record 1"),
        out.get(1));
  }
}
