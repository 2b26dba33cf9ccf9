package com.comborec.ingest;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.core.ComborecException;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.store.ValidatedStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;

/**
 * Decides which input partitions a run ingests, and checks their files' headers before any Spark
 * job starts, so a contract violation (exit 3) costs seconds.
 *
 * <p>A run for day D always (re-)ingests D's daily partitions. Daily partitions before D that were
 * never ingested (within catch-up-days) are ingested too, so a fresh output root needs no separate
 * backfill. The snapshots in force on those days are validated when first needed, on their own day,
 * or when their files changed, and reused from the work store otherwise.
 */
public final class IngestPlan {
  private final Map<Source, List<InputFile>> files = new LinkedHashMap<>();

  /** For each daily partition day ingested, the product snapshot day in force on it. */
  private final Map<LocalDate, LocalDate> catalogFor = new LinkedHashMap<>();

  private final Map<Source, List<LocalDate>> reused = new LinkedHashMap<>();
  private final Map<String, String> fingerprints = new LinkedHashMap<>();

  public static IngestPlan build(RunContext ctx) {
    IngestPlan plan = new IngestPlan();
    String input = ctx.config().paths().input();
    if (!ctx.fs().exists(input)) {
      throw ComborecException.inputContract("the input root does not exist: %s", input);
    }
    PartitionFinder finder = new PartitionFinder(ctx.fs(), ctx.config().paths().input());
    LocalDate day = ctx.runDate();
    List<LocalDate> productDays = finder.days(Source.PRODUCTS);
    requireSource(finder, Source.EVENTS, day, finder.days(Source.EVENTS).contains(day));
    requireSource(
        finder, Source.PRODUCTS, day, PartitionFinder.newestOnOrBefore(productDays, day) != null);
    TreeSet<LocalDate> snapshots = new TreeSet<>();
    for (Source source : List.of(Source.EVENTS, Source.MARKET, Source.FEEDBACK)) {
      for (LocalDate d : dailyDays(ctx, finder, source)) {
        plan.add(ctx, finder, source, d);
        if (source == Source.EVENTS) {
          LocalDate snap = PartitionFinder.newestOnOrBefore(productDays, d);
          if (snap == null) {
            throw ComborecException.inputContract(
                "events %s: no products snapshot on or before %s under %s",
                finder.partitionPath(Source.EVENTS, d), d, finder.sourceRoot(Source.PRODUCTS));
          }
          plan.catalogFor.put(d, snap);
          snapshots.add(snap);
        }
      }
    }
    snapshots.add(PartitionFinder.newestOnOrBefore(productDays, day));
    snapshots.forEach(s -> plan.addSnapshot(ctx, finder, Source.PRODUCTS, s));
    LocalDate users = PartitionFinder.newestOnOrBefore(finder.days(Source.USERS), day);
    if (users != null) {
      plan.addSnapshot(ctx, finder, Source.USERS, users);
    }
    return plan;
  }

  /**
   * Snapshots validated by an earlier run from the same files, which this run reads from the work
   * store.
   */
  public List<LocalDate> reused(Source source) {
    return reused.getOrDefault(source, List.of());
  }

  /** The fingerprint of a partition's files, stored with its counts. */
  public String fingerprint(Source source, LocalDate day) {
    return fingerprints.get(source + "/" + day);
  }

  public boolean ingests(Source source, LocalDate day) {
    return days(source).contains(day);
  }

  /**
   * A snapshot is validated when first needed, on its own day, or when its files changed; otherwise
   * the validated copy is reused.
   */
  private void addSnapshot(RunContext ctx, PartitionFinder finder, Source source, LocalDate day) {
    String sidecar = ctx.layout().validated(source.folder(), day) + "/_counts.json";
    String now = Fingerprint.of(ctx.fs(), finder.files(source, day));
    boolean unchanged =
        ctx.fs().exists(sidecar)
            && now.equals(Json.readMap(ctx.fs().readString(sidecar)).get("input_fingerprint"));
    if (unchanged && !day.equals(ctx.runDate())) {
      reused.computeIfAbsent(source, s -> new ArrayList<>()).add(day);
    } else {
      add(ctx, finder, source, day);
    }
  }

  /** Every file the run reads, of every source. */
  public List<InputFile> allFiles() {
    return files.values().stream().flatMap(List::stream).toList();
  }

  public List<InputFile> files(Source source) {
    return files.getOrDefault(source, List.of());
  }

  public List<LocalDate> days(Source source) {
    return files(source).stream().map(InputFile::partition).distinct().sorted().toList();
  }

  public Map<LocalDate, LocalDate> catalogFor() {
    return catalogFor;
  }

  /** D itself, plus earlier partitions in the catch-up window that the work store lacks. */
  private static List<LocalDate> dailyDays(RunContext ctx, PartitionFinder finder, Source source) {
    List<LocalDate> done = ValidatedStore.partitionDays(ctx, source);
    LocalDate earliest =
        ctx.runDate().minusDays(ctx.config().get(IngestSettings.SECTION).catchUpDays());
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d : finder.days(source)) {
      boolean catchUp = d.isBefore(ctx.runDate()) && !d.isBefore(earliest) && !done.contains(d);
      if (catchUp || d.equals(ctx.runDate())) {
        out.add(d);
      }
    }
    return out;
  }

  private void add(RunContext ctx, PartitionFinder finder, Source source, LocalDate day) {
    List<String> paths = finder.files(source, day);
    if (paths.isEmpty()) {
      throw ComborecException.inputContract(
          "%s: the partition holds no *.csv or *.csv.gz file", finder.partitionPath(source, day));
    }
    if (paths.size() > ctx.config().get(IngestSettings.SECTION).maxFilesPerPartition()) {
      throw ComborecException.inputContract(
          "%s: %d files exceed comborec.ingest.max-files-per-partition (%d)",
          finder.partitionPath(source, day),
          paths.size(),
          ctx.config().get(IngestSettings.SECTION).maxFilesPerPartition());
    }
    fingerprints.put(source + "/" + day, Fingerprint.of(ctx.fs(), paths));
    List<InputFile> list = files.computeIfAbsent(source, s -> new ArrayList<>());
    for (String p : paths) {
      Path path = new Path(p);
      List<String> header = CsvHeader.read(ctx.fs().fs(p), path);
      list.add(new InputFile(source, day, p, header).checked(Schemas.INPUT_COLUMNS.get(source)));
    }
  }

  private static void requireSource(
      PartitionFinder finder, Source source, LocalDate day, boolean present) {
    if (!present) {
      String what = source.snapshot() ? "snapshot on or before " + day : "partition dt=" + day;
      throw ComborecException.inputContract(
          "required source '%s' is missing: no %s under %s",
          source.folder(), what, finder.sourceRoot(source));
    }
  }
}
