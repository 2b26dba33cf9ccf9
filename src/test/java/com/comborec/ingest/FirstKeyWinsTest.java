package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The duplicate-key rule on one task's rows, as the reader delivers them: by day, file, record. */
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

  static Row row(String date, String category, String file, long record, String day, String why) {
    return new GenericRowWithSchema(
        new Object[] {date, category, file, record, day, why, why == null ? null : "broken"},
        MARKET);
  }

  /** The rows as the rule passes them on, in order. */
  static List<Row> checked(List<Row> rows) {
    List<Row> out = new ArrayList<>();
    new FirstKeyWins(MARKET, "date", "category").call(rows.iterator()).forEachRemaining(out::add);
    return out;
  }

  /** "record reason details" of each row passed on. */
  static List<String> verdicts(List<Row> rows) {
    return checked(rows).stream()
        .map(r -> r.getLong(3) + " " + r.getString(5) + " " + r.getString(6))
        .toList();
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
    List<Row> rows =
        List.of(
            row("2026-11-01", "toys", "a.csv", 1, "2026-11-01", null),
            row("2026-11-02", "toys", "c.csv", 1, "2026-11-02", null),
            row("2026-11-01", "toys", "a.csv", 2, "2026-11-01", null));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> verdicts(rows));
    assertEquals("rows of partition day 2026-11-01 are not contiguous in one task", e.getMessage());
  }

  @Test
  void aRejectedRowKeepsEveryOtherValue() {
    List<Row> out =
        checked(
            List.of(
                row("2026-11-01", "toys", "a.csv", 1, "2026-11-01", null),
                row("2026-11-01", "toys", "b.csv", 7, "2026-11-01", null)));
    assertEquals(
        RowFactory.create(
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
