package com.comborec.ingest;

import static org.apache.spark.sql.functions.col;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.core.ComborecException;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.ingest.csv.FileTally;
import com.comborec.store.EmptyTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest: validates every input partition the run needs, quarantines bad rows with reasons,
 * reconciles counts against the written Parquet footers, applies the data quality gates and only
 * then commits the validated partitions to the work store.
 */
public final class IngestStage implements Stage<IngestResult> {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);
  private static final List<Source> ORDER =
      List.of(Source.PRODUCTS, Source.USERS, Source.EVENTS, Source.MARKET, Source.FEEDBACK);

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String description() {
    return "validate the input CSVs of the run day (and un-ingested earlier days); write rejects"
        + " and validated Parquet";
  }

  @Override
  public List<SettingsSection<?>> settings() {
    return List.of(IngestSettings.SECTION, GateSettings.SECTION);
  }

  @Override
  public IngestResult run(RunContext ctx) {
    IngestPlan plan = ctx.step("check inputs and headers", () -> IngestPlan.build(ctx));
    EmptyTables empty = new EmptyTables(ctx);
    IncomingPartitions incoming = new IncomingPartitions(ctx, empty);
    Map<Source, Map<LocalDate, DayCounts>> counts = new EnumMap<>(Source.class);
    Map<String, IngestResult.SourceReport> inputs = new LinkedHashMap<>();
    Map<Source, Long> lines = new EnumMap<>(Source.class);
    ColumnHints.warnings(plan.allFiles()).forEach(ctx::warn);
    try {
      for (Source source : ORDER) {
        String reused =
            plan.reused(source).stream().map(LocalDate::toString).reduce((a, b) -> b).orElse(null);
        if (plan.files(source).isEmpty()) {
          String status = plan.reused(source).isEmpty() ? "absent" : "reused";
          inputs.put(source.folder(), IngestResult.SourceReport.notRead(status, reused));
          continue;
        }
        counts.put(source, ingestSource(ctx, plan, source, incoming, empty, lines));
        inputs.put(
            source.folder(), report(plan, source, reused, counts.get(source), lines.get(source)));
      }
      IngestResult.Gates gates =
          ctx.step("apply data quality gates", () -> applyGates(ctx, counts, inputs));
      ctx.step("commit validated partitions", () -> incoming.commitAll(counts, plan));
      return new IngestResult(inputs, gates);
    } finally {
      incoming.cleanUp();
    }
  }

  /**
   * One source in one Spark job over all its partitions: it reads and checks the rows and writes
   * the accepted ones, while the rejects and the counts reach the driver with the tasks' results
   * ({@link RejectDiverter}); the rejects are then staged from the driver. The counts must match
   * both what reading each file found and what the Parquet footers say was written.
   */
  private Map<LocalDate, DayCounts> ingestSource(
      RunContext ctx,
      IngestPlan plan,
      Source source,
      IncomingPartitions incoming,
      EmptyTables empty,
      Map<Source, Long> lines) {
    String s = source.folder();
    FileTallies tallies = FileTallies.register(ctx.spark(), source);
    Dataset<Row> checked = checkedRows(ctx, plan, source, tallies);
    // Planning the pass runs the jobs it depends on (the catalog's broadcast for events).
    RejectDiverter.Accepted accepted =
        ctx.step(
            "validate " + s,
            () ->
                RejectDiverter.divert(
                    checked,
                    source,
                    ctx.config().get(IngestSettings.SECTION).driverRejectsBytes()));
    ctx.step(
        "write validated " + s,
        () -> incoming.write(source, SourceValidation.accepted(accepted.rows(), source)));
    Map<String, FileTally> read = tallies.check(plan.files(source));
    RejectDiverter.Outcome outcome = accepted.diverter().outcome();
    ctx.step(
        "stage rejects " + s,
        () ->
            RejectsWriter.stage(
                ctx,
                source,
                // Too many rejects to hold on the driver: read and check the files again for them.
                outcome.overflowed()
                    ? SourceValidation.rejected(checked, source)
                    : accepted.diverter().rejectsFrame(ctx.spark(), outcome.rejects()),
                plan.days(source),
                empty));
    IngestCounts counted = outcome.counts();
    counted.checkFiles(read);
    Map<LocalDate, DayCounts> counts = counted.byDay(plan.days(source));
    Reconciliation.check(ctx, source, counts, incoming);
    RejectsWriter.logExamples(source, counted);
    lines.put(
        source, read.values().stream().mapToLong(t -> t.physicalLines() - t.headerLines()).sum());
    return counts;
  }

  private Dataset<Row> checkedRows(
      RunContext ctx, IngestPlan plan, Source source, FileTallies tallies) {
    IngestSettings s = ctx.config().get(IngestSettings.SECTION);
    Dataset<Row> raw =
        RawReader.read(
            ctx.spark(),
            plan.files(source),
            Schemas.INPUT_COLUMNS.get(source),
            s.recordLimits(),
            tallies.accumulator());
    Dataset<Row> rows =
        SourceValidation.validate(
            raw, source, s.eventTypeWeights().keySet(), s.maxIdLength(), ctx.runDate().getYear());
    return switch (source) {
      case EVENTS -> CrossRowRules.unknownItems(rows, catalog(ctx, plan));
      case PRODUCTS -> CrossRowRules.duplicateKeys(rows, "item_id");
      case USERS -> CrossRowRules.duplicateKeys(rows, "user_id");
      case MARKET -> CrossRowRules.duplicateKeys(rows, "date", "category");
      default -> rows;
    };
  }

  /**
   * The catalog each event day is checked against: its snapshot as validated by this run, or as
   * reused from the work store: item ids with the event day each serves (see CrossRowRules).
   * Snapshots are read in one scan per root (this run's incoming folder, the work store), so a
   * 60-day backfill reads its 60 small files in a few tasks, not in a union of 60 scans.
   */
  private static Dataset<Row> catalog(RunContext ctx, IngestPlan plan) {
    Map<String, List<String>> snapshotsByRoot = new LinkedHashMap<>();
    for (LocalDate snap : new java.util.TreeSet<>(plan.catalogFor().values())) {
      String root =
          plan.ingests(Source.PRODUCTS, snap)
              ? IncomingPartitions.incomingRoot(ctx, Source.PRODUCTS)
              : ctx.layout().validatedRoot(Source.PRODUCTS.folder());
      snapshotsByRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(root + "/dt=" + snap);
    }
    StructType withDay = Schemas.validated(Source.PRODUCTS).add("dt", DataTypes.StringType);
    Dataset<Row> all = null;
    for (Map.Entry<String, List<String>> root : snapshotsByRoot.entrySet()) {
      Dataset<Row> items =
          ctx.spark()
              .read()
              .schema(withDay)
              .option("basePath", root.getKey())
              .parquet(root.getValue().toArray(String[]::new))
              .select(col("item_id"), col("dt").as("_snapshot"));
      all = all == null ? items : all.unionByName(items);
    }
    List<Row> mapping = new ArrayList<>();
    plan.catalogFor()
        .forEach((day, snap) -> mapping.add(RowFactory.create(day.toString(), snap.toString())));
    StructType schema =
        new StructType()
            .add("_snapshot_for", DataTypes.StringType)
            .add("_snapshot", DataTypes.StringType);
    return all.join(functions.broadcast(ctx.spark().createDataFrame(mapping, schema)), "_snapshot");
  }

  /** A source's counts and files for the manifest, logged in one line. */
  private static IngestResult.SourceReport report(
      IngestPlan plan,
      Source source,
      String reusedSnapshot,
      Map<LocalDate, DayCounts> counts,
      long lines) {
    DayCounts total = counts.values().stream().reduce(DayCounts.empty(), DayCounts::plus);
    Map<String, Long> extra = new TreeMap<>();
    plan.files(source)
        .forEach(
            f ->
                f.extraColumns(Schemas.INPUT_COLUMNS.get(source))
                    .forEach(c -> extra.merge(c, 1L, Long::sum)));
    Map<String, IngestResult.Counts> byDay = null;
    if (counts.size() > 1) {
      byDay = new LinkedHashMap<>();
      for (Map.Entry<LocalDate, DayCounts> e : counts.entrySet()) {
        byDay.put(e.getKey().toString(), IngestResult.Counts.of(e.getValue()));
      }
    }
    LOG.info(
        "[ingest] {}: {} lines, read {}, accepted {}, rejected {} {}",
        source.folder(),
        lines,
        total.read(),
        total.accepted(),
        total.rejected(),
        total.rejectedByReason());
    return new IngestResult.SourceReport(
        null,
        reusedSnapshot,
        lines,
        total.read(),
        total.accepted(),
        total.rejected(),
        new TreeMap<>(total.rejectedByReason()),
        plan.days(source).stream().map(LocalDate::toString).toList(),
        plan.files(source).size(),
        extra,
        byDay);
  }

  /**
   * The reject-ratio and volume gates; a refusal carries the input counts, so the refused run's
   * manifest shows what was read.
   */
  private static IngestResult.Gates applyGates(
      RunContext ctx,
      Map<Source, Map<LocalDate, DayCounts>> counts,
      Map<String, IngestResult.SourceReport> inputs) {
    Map<Source, DayCounts> totals = new EnumMap<>(Source.class);
    counts.forEach(
        (s, byDay) ->
            totals.put(s, byDay.values().stream().reduce(DayCounts.empty(), DayCounts::plus)));
    List<String> violations =
        new ArrayList<>(
            DataQualityGates.rejectRatioViolations(totals, ctx.config().get(GateSettings.SECTION)));
    VolumeHistory.Check volume = VolumeHistory.check(ctx, counts.get(Source.EVENTS));
    if (volume.violation() != null) {
      violations.add(volume.violation());
    }
    IngestResult.Gates gates =
        new IngestResult.Gates(new IngestResult.DataQuality(violations), volume.figures());
    if (!violations.isEmpty()) {
      throw ComborecException.dataQuality(
              "data quality gate refused the run for %s: %s (staged rejects: %s)",
              ctx.runDate(), String.join("; ", violations), ctx.layout().staged("rejects"))
          .withPartialResult(new IngestResult(inputs, gates));
    }
    return gates;
  }
}
