package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
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

/** Counts per day and the logged example per reason, from hand-made groups and checked rows. */
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

  @Test
  void checkedRowsAreGroupedByFileDayAndReasonAcrossTasks() {
    StructType schema =
        new StructType()
            .add(RawReader.FILE, DataTypes.StringType)
            .add(RawReader.DT, DataTypes.StringType)
            .add(RuleSet.REASON, DataTypes.StringType)
            .add(RawReader.LINES, DataTypes.IntegerType)
            .add(RawReader.RECORD, DataTypes.LongType)
            .add(RuleSet.DETAIL, DataTypes.StringType);
    // Three tasks of two rows each (parallelize slices in order); a.csv's bad_number rows sit in
    // the first two, the later record first.
    List<Row> rows =
        List.of(
            RowFactory.create("a.csv", "2026-11-02", "bad_number", 1, 9L, "price: 'late'"),
            RowFactory.create("a.csv", "2026-11-02", null, 2, 1L, null),
            RowFactory.create("a.csv", "2026-11-02", "bad_number", 1, 4L, "price: 'x'"),
            RowFactory.create("a.csv", "2026-11-02", null, 1, 3L, null),
            RowFactory.create("b.csv", "2026-11-01", "duplicate_key", 1, 2L, "k: again"),
            RowFactory.create("a.csv", "2026-11-02", null, 1, 5L, null));
    SparkSession spark = TestSpark.session();
    Dataset<Row> checked =
        spark.createDataFrame(
            JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3), schema);
    assertEquals(3, checked.javaRDD().getNumPartitions());
    List<Group> groups =
        IngestCounts.of(checked).groups().stream()
            .sorted(Comparator.comparing(Group::file).thenComparing(Group::record))
            .toList();
    assertEquals(
        List.of(
            new Group("a.csv", "2026-11-02", null, 3, 4, 1, null),
            new Group("a.csv", "2026-11-02", "bad_number", 2, 2, 4, "price: 'x'"),
            new Group("b.csv", "2026-11-01", "duplicate_key", 1, 1, 2, "k: again")),
        groups);
  }
}
