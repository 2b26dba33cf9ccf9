package com.comborec.ingest;

import com.comborec.contract.Source;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.CollectionAccumulator;
import scala.Option;

/**
 * One pass over a source's checked rows: the accepted rows flow on to the validated write, while
 * each task counts its rows per (file, day, reason) and keeps its rejected rows aside; both reach
 * the driver with the task's result. The write is then the only Spark job that reads and checks the
 * files: no cache of the checked rows, no second job for the rejects, none for the counts.
 *
 * <p>Exactly once: the accumulator is not told about failed attempts, and Spark applies a result
 * task's accumulator updates only for the first successful attempt of each partition, so a retried
 * or speculative task is counted once. That holds for the tasks of a job's last stage, so the pass
 * must not be followed by a shuffle before its action (the validated write has none; a stage run
 * twice would count twice, and the footers' reconciliation would fail the run). The rejects a task
 * may keep are bounded ({@code comborec.ingest.driver-rejects-mb}, split across the tasks): when a
 * task would hold more, it keeps counting but marks the outcome as overflowed, and the caller
 * stages the rejects with a second pass instead. Reconciliation against the Parquet footers checks
 * the counts either way.
 *
 * <p>Rows are handled as Spark's internal rows ({@link InternalRows}).
 */
final class RejectDiverter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What one kept reject costs on the driver besides its raw line and detail, roughly. */
  private static final long ROW_OVERHEAD_BYTES = 200;

  /** What one task saw: its groups, and its rejects unless there were too many to keep. */
  record TaskOutcome(List<IngestCounts.Group> groups, List<Row> rejects, boolean overflowed)
      implements Serializable {}

  /** All tasks' outcomes merged on the driver. */
  record Outcome(IngestCounts counts, List<Row> rejects, boolean overflowed) {}

  private final String source;
  private final StructType rejectsSchema;
  private final CollectionAccumulator<TaskOutcome> outcomes;
  private final int file;
  private final int record;
  private final int firstLine;
  private final int lines;
  private final int line;
  private final int dt;
  private final int reason;
  private final int detail;
  private final long bytesPerTask;

  private RejectDiverter(
      SparkSession spark,
      Source source,
      StructType checked,
      StructType rejectsSchema,
      int tasks,
      long budgetBytes) {
    this.source = source.folder();
    this.rejectsSchema = rejectsSchema;
    this.outcomes = new CollectionAccumulator<>();
    // Not counting failed attempts (the default): only a successful task's outcome is merged.
    outcomes.register(spark.sparkContext(), Option.apply("outcomes " + source.folder()), false);
    this.file = checked.fieldIndex(RawReader.FILE);
    this.record = checked.fieldIndex(RawReader.RECORD);
    this.firstLine = checked.fieldIndex(RawReader.FIRST_LINE);
    this.lines = checked.fieldIndex(RawReader.LINES);
    this.line = checked.fieldIndex(RawReader.LINE);
    this.dt = checked.fieldIndex(RawReader.DT);
    this.reason = checked.fieldIndex(RuleSet.REASON);
    this.detail = checked.fieldIndex(RuleSet.DETAIL);
    this.bytesPerTask = budgetBytes / Math.max(1, tasks);
  }

  /**
   * The accepted rows of {@code checked} (all its columns), computed lazily: run one action over
   * them, then read {@link #outcome()}. The tasks together keep at most {@code budgetBytes} of
   * rejects for the driver.
   */
  static Accepted divert(Dataset<Row> checked, Source source, long budgetBytes) {
    JavaRDD<InternalRow> rows = InternalRows.of(checked);
    RejectDiverter diverter =
        new RejectDiverter(
            checked.sparkSession(),
            source,
            checked.schema(),
            SourceValidation.rejected(checked, source).schema(),
            rows.getNumPartitions(),
            budgetBytes);
    Dataset<Row> accepted =
        InternalRows.frame(
            checked.sparkSession(), rows.mapPartitions(diverter::acceptedOfTask), checked.schema());
    return new Accepted(accepted, diverter);
  }

  /** The accepted rows, and the diverter that gathers the rest as they are computed. */
  record Accepted(Dataset<Row> rows, RejectDiverter diverter) {}

  /** The merged outcome of every task; call after the one action over the accepted rows. */
  Outcome outcome() {
    List<IngestCounts.Group> groups = new ArrayList<>();
    List<Row> rejects = new ArrayList<>();
    boolean overflowed = false;
    for (TaskOutcome t : outcomes.value()) {
      groups.addAll(t.groups());
      rejects.addAll(t.rejects());
      overflowed |= t.overflowed();
    }
    if (overflowed) {
      rejects.clear();
    }
    // The order the files were read in (by day, file and record), as a task wrote them before.
    rejects.sort(
        Comparator.comparing((Row r) -> r.<String>getAs("dt"))
            .thenComparing(r -> r.<String>getAs("file"))
            .thenComparingLong(r -> r.<Long>getAs("record")));
    return new Outcome(new IngestCounts(IngestCounts.merged(groups)), rejects, overflowed);
  }

  /** The rejects kept on the driver as a frame in {@link SourceValidation#rejected}'s schema. */
  Dataset<Row> rejectsFrame(SparkSession spark, List<Row> rejects) {
    // Broadcast, not a local relation: a local relation ships its rows inside the task, and Spark
    // warns about every task over 1 MB. One task: the rows are sorted, so each day gets one file.
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<List<Row>> rows = jsc.broadcast(List.copyOf(rejects));
    JavaRDD<Row> rdd = jsc.parallelize(List.of(0), 1).flatMap(one -> rows.value().iterator());
    return spark.createDataFrame(rdd, rejectsSchema);
  }

  private Iterator<InternalRow> acceptedOfTask(Iterator<InternalRow> rows) {
    return new TaskPass(rows);
  }

  /** One task's pass: hands on the accepted rows, folds every row into its group. */
  private final class TaskPass implements Iterator<InternalRow> {
    private final Iterator<InternalRow> rows;
    private final Map<GroupKey, Tally> groups = new HashMap<>();
    private final List<Row> rejects = new ArrayList<>();
    private long rejectBytes;
    private boolean overflowed;
    private InternalRow next;
    private boolean done;

    TaskPass(Iterator<InternalRow> rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      while (next == null && !done) {
        if (!rows.hasNext()) {
          done = true;
          outcomes.add(new TaskOutcome(groupList(), overflowed ? List.of() : rejects, overflowed));
          break;
        }
        InternalRow row = rows.next();
        boolean rejected = !row.isNullAt(reason);
        count(row, rejected);
        if (rejected) {
          keep(row);
        } else {
          next = row;
        }
      }
      return next != null;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      InternalRow out = next;
      next = null;
      return out;
    }

    /** Rows, lines and the lowest record of the row's group; the example detail of rejects. */
    private void count(InternalRow row, boolean rejected) {
      GroupKey probe =
          new GroupKey(
              row.getUTF8String(file),
              row.getUTF8String(dt),
              rejected ? row.getUTF8String(reason) : null);
      // The probe's strings point into the reader's reused buffer: a new key keeps a copy.
      Tally t = groups.computeIfAbsent(probe, k -> new Tally()).add(row);
      if (t.rows == 1) {
        groups.put(probe.copy(), groups.remove(probe));
      }
    }

    private void keep(InternalRow row) {
      if (overflowed) {
        return;
      }
      String raw = string(row, line);
      String why = string(row, detail);
      rejectBytes +=
          ROW_OVERHEAD_BYTES
              + 2L * ((raw == null ? 0 : raw.length()) + (why == null ? 0 : why.length()));
      if (rejectBytes > bytesPerTask) {
        overflowed = true;
        rejects.clear();
        return;
      }
      rejects.add(
          new GenericRowWithSchema(
              new Object[] {
                source,
                string(row, file),
                raw,
                string(row, reason),
                why,
                row.getLong(record),
                row.getLong(firstLine),
                string(row, dt)
              },
              rejectsSchema));
    }

    private List<IngestCounts.Group> groupList() {
      List<IngestCounts.Group> out = new ArrayList<>();
      groups.forEach(
          (k, t) ->
              out.add(
                  new IngestCounts.Group(
                      k.file().toString(),
                      k.day().toString(),
                      k.reason() == null ? null : k.reason().toString(),
                      t.rows,
                      t.lines,
                      t.first,
                      t.detail)));
      return out;
    }

    /** One group's rows, lines, lowest record and (for rejects) that record's detail. */
    private final class Tally {
      long rows;
      long lines;
      long first = Long.MAX_VALUE;
      String detail;

      Tally add(InternalRow row) {
        rows++;
        lines += row.getInt(RejectDiverter.this.lines);
        long rec = row.getLong(record);
        if (rec < first) {
          first = rec;
          detail = string(row, RejectDiverter.this.detail);
        }
        return this;
      }
    }
  }

  private static String string(InternalRow row, int i) {
    return row.isNullAt(i) ? null : row.getUTF8String(i).toString();
  }

  /** A group's key; the strings may point into a reused row buffer until {@link #copy()}. */
  private record GroupKey(UTF8String file, UTF8String day, UTF8String reason) {
    GroupKey copy() {
      return new GroupKey(file.copy(), day.copy(), reason == null ? null : reason.copy());
    }
  }
}
