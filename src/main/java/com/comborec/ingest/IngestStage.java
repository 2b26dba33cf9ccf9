package com.comborec.ingest;

import static org.apache.spark.sql.functions.col;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.core.ComborecException;
import com.comborec.core.RunContext;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
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
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest: validates every input partition the run needs, quarantines bad rows with reasons,
 * reconciles counts against the written Parquet footers, applies the data quality gates and only
 * then commits the validated partitions to the work store.
 */
public final class IngestStage implements Stage {
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
  public void run(RunContext ctx) {
    IngestPlan plan = ctx.step("check inputs and headers", () -> IngestPlan.build(ctx));
    EmptyTables empty = new EmptyTables(ctx);
    IncomingPartitions incoming = new IncomingPartitions(ctx, empty);
    Map<Source, Map<LocalDate, DayCounts>> counts = new EnumMap<>(Source.class);
    try {
      for (Source source : ORDER) {
        plan.reused(source)
            .forEach(
                d ->
                    ctx.report()
                        .put("inputs." + source.folder() + ".reused_snapshot", d.toString()));
        if (plan.files(source).isEmpty()) {
          ctx.report()
              .put(
                  "inputs." + source.folder() + ".status",
                  plan.reused(source).isEmpty() ? "absent" : "reused");
          continue;
        }
        counts.put(source, ingestSource(ctx, plan, source, incoming, empty));
      }
      ctx.step("apply data quality gates", () -> applyGates(ctx, counts));
      ctx.step("commit validated partitions", () -> incoming.commitAll(counts, plan));
    } finally {
      incoming.cleanUp();
    }
  }

  private Map<LocalDate, DayCounts> ingestSource(
      RunContext ctx,
      IngestPlan plan,
      Source source,
      IncomingPartitions incoming,
      EmptyTables empty) {
    String s = source.folder();
    Dataset<Row> checked =
        ctx.step("validate " + s, () -> checkedRows(ctx, plan, source))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<LocalDate, DayCounts> counts =
          ctx.step("count " + s, () -> countByDay(checked, plan.days(source)));
      ctx.step(
          "write validated " + s,
          () -> incoming.write(source, SourceValidation.accepted(checked, source)));
      ctx.step(
          "stage rejects " + s,
          () ->
              RejectsWriter.stage(
                  ctx,
                  source,
                  SourceValidation.rejected(checked, source),
                  plan.days(source),
                  empty));
      Reconciliation.check(ctx, source, counts, incoming);
      report(ctx, plan, source, counts);
      RejectsWriter.logExamples(ctx, source, checked, counts);
      return counts;
    } finally {
      checked.unpersist();
    }
  }

  private Dataset<Row> checkedRows(RunContext ctx, IngestPlan plan, Source source) {
    IngestSettings s = ctx.config().get(IngestSettings.SECTION);
    Dataset<Row> rows =
        SourceValidation.validate(
            ctx.spark(),
            source,
            plan.files(source),
            s.eventTypeWeights().keySet(),
            s.maxIdLength(),
            ctx.runDate().getYear());
    Dataset<Row> checked =
        switch (source) {
          case EVENTS -> CrossRowRules.unknownItems(rows, catalog(ctx, plan));
          case PRODUCTS -> CrossRowRules.duplicateKeys(rows, "item_id");
          case USERS -> CrossRowRules.duplicateKeys(rows, "user_id");
          case MARKET -> CrossRowRules.duplicateKeys(rows, "date", "category");
          default -> rows;
        };
    // Only rejects need their raw line: without it on accepted rows the cached frame is much
    // smaller and cheaper to build (a unique string per row defeats the cache's compression).
    return checked.withColumn(
        RawReader.LINE, functions.when(col(RuleSet.REASON).isNotNull(), col(RawReader.LINE)));
  }

  /**
   * The catalog each event day is checked against: its snapshot as validated by this run, or as
   * reused from the work store: item ids with the event day each serves (see CrossRowRules).
   */
  private static Dataset<Row> catalog(RunContext ctx, IngestPlan plan) {
    Dataset<Row> all = null;
    for (LocalDate snap : new java.util.TreeSet<>(plan.catalogFor().values())) {
      String path =
          plan.ingests(Source.PRODUCTS, snap)
              ? IncomingPartitions.incomingRoot(ctx, Source.PRODUCTS) + "/dt=" + snap
              : ctx.layout().validated(Source.PRODUCTS.folder(), snap);
      Dataset<Row> items =
          ctx.spark()
              .read()
              .schema(Schemas.validated(Source.PRODUCTS))
              .parquet(path)
              .select(col("item_id"), functions.lit(snap.toString()).as("_snapshot"));
      all = all == null ? items : all.unionByName(items);
    }
    List<Row> mapping = new ArrayList<>();
    plan.catalogFor()
        .forEach((day, snap) -> mapping.add(RowFactory.create(day.toString(), snap.toString())));
    StructType schema =
        new StructType()
            .add("_snapshot_for", DataTypes.StringType)
            .add("_snapshot", DataTypes.StringType);
    return all.join(ctx.spark().createDataFrame(mapping, schema), "_snapshot");
  }

  static Map<LocalDate, DayCounts> countByDay(Dataset<Row> checked, List<LocalDate> days) {
    Map<LocalDate, DayCounts> out = new TreeMap<>();
    days.forEach(d -> out.put(d, DayCounts.empty()));
    for (Row r : checked.groupBy(col(RawReader.DT), col(RuleSet.REASON)).count().collectAsList()) {
      LocalDate day = LocalDate.parse(r.getString(0));
      long n = r.getLong(2);
      Map<String, Long> reasons = new TreeMap<>();
      if (r.isNullAt(1)) {
        out.put(day, out.get(day).plus(new DayCounts(n, n, reasons)));
      } else {
        reasons.put(r.getString(1), n);
        out.put(day, out.get(day).plus(new DayCounts(n, 0, reasons)));
      }
    }
    return out;
  }

  private static void report(
      RunContext ctx, IngestPlan plan, Source source, Map<LocalDate, DayCounts> counts) {
    String key = "inputs." + source.folder();
    DayCounts total = counts.values().stream().reduce(DayCounts.empty(), DayCounts::plus);
    total.toMap().forEach((k, v) -> ctx.report().put(key + "." + k, v));
    ctx.report()
        .put(key + ".partitions", plan.days(source).stream().map(LocalDate::toString).toList());
    ctx.report().put(key + ".files", plan.files(source).size());
    Map<String, Long> extra = new TreeMap<>();
    plan.files(source)
        .forEach(
            f ->
                f.extraColumns(Schemas.INPUT_COLUMNS.get(source))
                    .forEach(c -> extra.merge(c, 1L, Long::sum)));
    ctx.report().put(key + ".extra_columns", extra);
    if (counts.size() > 1) {
      Map<String, Object> byDay = new LinkedHashMap<>();
      counts.forEach((d, c) -> byDay.put(d.toString(), c.toMap()));
      ctx.report().put(key + ".by_day", byDay);
    }
    LOG.info(
        "[ingest] {}: read {}, accepted {}, rejected {} {}",
        source.folder(),
        total.read(),
        total.accepted(),
        total.rejected(),
        total.rejectedByReason());
  }

  private static void applyGates(RunContext ctx, Map<Source, Map<LocalDate, DayCounts>> counts) {
    Map<Source, DayCounts> totals = new EnumMap<>(Source.class);
    counts.forEach(
        (s, byDay) ->
            totals.put(s, byDay.values().stream().reduce(DayCounts.empty(), DayCounts::plus)));
    List<String> violations =
        new ArrayList<>(
            DataQualityGates.rejectRatioViolations(totals, ctx.config().get(GateSettings.SECTION)));
    String volume = VolumeHistory.check(ctx, counts.get(Source.EVENTS));
    if (volume != null) {
      violations.add(volume);
    }
    ctx.report().put("gates.data_quality.violations", violations);
    if (!violations.isEmpty()) {
      throw ComborecException.dataQuality(
          "data quality gate refused the run for %s: %s (staged rejects: %s)",
          ctx.runDate(), String.join("; ", violations), ctx.layout().staged("rejects"));
    }
  }
}
