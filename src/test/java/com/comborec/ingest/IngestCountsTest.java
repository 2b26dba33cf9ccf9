package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.contract.Source;
import com.comborec.ingest.IngestCounts.Group;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Counts per day and the logged example per reason, from hand-made groups and from checked rows
 * passed through {@link RejectDiverter}.
 */
class IngestCountsTest {
  static final IngestCounts COUNTS =
      new IngestCounts(
          List.of(
              new Group("b.csv", "2026-11-02", null, 90, 91, 1, null),
              new Group("b.csv", "2026-11-02", "bad_number", 3, 3, 2, "price: 'x'"),
              new Group("a.csv", "2026-11-02", "bad_number", 1, 1, 2, "price: 'y'"),
              new Group("z.csv", "2026-11-01", "bad_number", 2, 2, 40, "price: 'z'"),
              new Group("a.csv", "2026-11-02", "duplicate_key", 4, 4, 7, "item_id: repeats")));

  @Test
  void theExampleOfAReasonIsTheFirstRowReadByDayFileAndRecord() {
    Map<String, Group> examples = COUNTS.examples();
    Group bad = examples.get("bad_number");
    // Day 2026-11-01 is read before 2026-11-02, whatever the record numbers.
    assertEquals(
        List.of("z.csv", 40L, "price: 'z'", 6L),
        List.of(bad.file(), bad.record(), bad.detail(), bad.rows()));
    assertEquals(4L, examples.get("duplicate_key").rows());
  }

  @Test
  void eachDayReconcilesReadWithAcceptedAndRejected() {
    Map<LocalDate, DayCounts> days =
        COUNTS.byDay(List.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02")));
    DayCounts second = days.get(LocalDate.parse("2026-11-02"));
    assertEquals(
        List.of(98L, 90L, 8L), List.of(second.read(), second.accepted(), second.rejected()));
    assertEquals(Map.of("bad_number", 4L, "duplicate_key", 4L), second.rejectedByReason());
    assertEquals(2L, days.get(LocalDate.parse("2026-11-01")).rejected());
  }

  /**
   * Three tasks of two rows each (parallelize slices in order); a.csv's bad_number rows sit in the
   * first two, the later record first.
   */
  private static Dataset<Row> checkedRowsInThreeTasks() {
    StructType schema =
        new StructType()
            .add("price", DataTypes.StringType)
            .add(RawReader.FILE, DataTypes.StringType)
            .add(RawReader.DT, DataTypes.StringType)
            .add(RuleSet.REASON, DataTypes.StringType)
            .add(RawReader.LINES, DataTypes.IntegerType)
            .add(RawReader.RECORD, DataTypes.LongType)
            .add(RawReader.FIRST_LINE, DataTypes.LongType)
            .add(RawReader.LINE, DataTypes.StringType)
            .add(RuleSet.DETAIL, DataTypes.StringType);
    List<Row> rows =
        List.of(
            row("late", "a.csv", "2026-11-02", "bad_number", 1, 9, 10, "price: 'late'"),
            row("1", "a.csv", "2026-11-02", null, 2, 1, 2, null),
            row("x", "a.csv", "2026-11-02", "bad_number", 1, 4, 6, "price: 'x'"),
            row("3", "a.csv", "2026-11-02", null, 1, 3, 5, null),
            row("2", "b.csv", "2026-11-01", "duplicate_key", 1, 2, 3, "k: again"),
            row("5", "a.csv", "2026-11-02", null, 1, 5, 7, null));
    SparkSession spark = TestSpark.session();
    Dataset<Row> checked =
        spark.createDataFrame(
            JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3), schema);
    assertEquals(3, checked.javaRDD().getNumPartitions());
    return checked;
  }

  /** A checked row whose raw line is its price. */
  private static Row row(
      String price,
      String file,
      String day,
      String reason,
      int lines,
      long record,
      long firstLine,
      String detail) {
    return RowFactory.create(
        price, file, day, reason, lines, record, firstLine, price + ",...", detail);
  }

  @Test
  void oneActionOverTheAcceptedRowsGroupsEveryRowAndKeepsTheRejectsInReadingOrder() {
    RejectDiverter.Accepted accepted =
        RejectDiverter.divert(checkedRowsInThreeTasks(), Source.EVENTS, 1 << 20);
    List<String> prices =
        accepted.rows().select("price").collectAsList().stream().map(r -> r.getString(0)).toList();
    RejectDiverter.Outcome outcome = accepted.diverter().outcome();

    assertEquals(List.of("1", "3", "5"), prices);
    assertEquals(
        List.of(
            new Group("a.csv", "2026-11-02", null, 3, 4, 1, null),
            new Group("a.csv", "2026-11-02", "bad_number", 2, 2, 4, "price: 'x'"),
            new Group("b.csv", "2026-11-01", "duplicate_key", 1, 1, 2, "k: again")),
        outcome.counts().groups().stream()
            .sorted(Comparator.comparing(Group::file).thenComparing(Group::record))
            .toList());
    assertFalse(outcome.overflowed());
    // source, file, line, reason, detail, record, first_line, dt; by day, file and record.
    assertEquals(
        List.of(
            "[events,b.csv,2,...,duplicate_key,k: again,2,3,2026-11-01]",
            "[events,a.csv,x,...,bad_number,price: 'x',4,6,2026-11-02]",
            "[events,a.csv,late,...,bad_number,price: 'late',9,10,2026-11-02]"),
        outcome.rejects().stream().map(Row::toString).toList());
    assertEquals(
        outcome.rejects().stream().map(Row::toString).toList(),
        accepted
            .diverter()
            .rejectsFrame(TestSpark.session(), outcome.rejects())
            .collectAsList()
            .stream()
            .map(Row::toString)
            .toList());
  }

  /**
   * A budget of 600 bytes split over three tasks is 200 each, less than any of their rejects costs
   * (200 bytes besides its line and detail): each task still counts, but the outcome says the
   * rejects must be found again.
   */
  @Test
  void rejectsOverTheBudgetAreDroppedAndTheOutcomeSaysSo() {
    RejectDiverter.Accepted accepted =
        RejectDiverter.divert(checkedRowsInThreeTasks(), Source.EVENTS, 600);
    assertEquals(3, accepted.rows().count());
    RejectDiverter.Outcome outcome = accepted.diverter().outcome();

    assertTrue(outcome.overflowed());
    assertEquals(List.of(), outcome.rejects());
    assertEquals(
        Map.of("bad_number", 2L, "duplicate_key", 1L),
        outcome
            .counts()
            .byDay(List.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02")))
            .values()
            .stream()
            .reduce(DayCounts.empty(), DayCounts::plus)
            .rejectedByReason());
  }
}
