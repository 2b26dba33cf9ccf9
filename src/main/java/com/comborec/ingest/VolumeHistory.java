package com.comborec.ingest;

import com.comborec.contract.Source;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.store.ValidatedStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The volume gate's history: events read on previous ingested days, from this run's catch-up counts
 * and the {@code _counts.json} sidecars of the work store.
 */
final class VolumeHistory {
  private VolumeHistory() {}

  /** The check's verdict (null: passed or not judged) and its figures for the manifest. */
  record Check(String violation, IngestResult.Volume figures) {}

  static Check check(RunContext ctx, Map<LocalDate, DayCounts> eventCounts) {
    GateSettings gates = ctx.config().get(GateSettings.SECTION);
    long today = eventCounts.get(ctx.runDate()).read();
    List<Long> history = previousDays(ctx, eventCounts, gates.volumeHistoryDays());
    String violation = DataQualityGates.volumeViolation(today, history, gates);
    String status =
        !gates.volumeEnabled()
            ? "disabled"
            : history.size() < gates.volumeMinHistory()
                ? "not_enough_history"
                : violation == null ? "passed" : "refused";
    return new Check(
        violation,
        new IngestResult.Volume(today, history.size(), DataQualityGates.median(history), status));
  }

  private static List<Long> previousDays(
      RunContext ctx, Map<LocalDate, DayCounts> eventCounts, int max) {
    TreeMap<LocalDate, Long> reads = new TreeMap<>();
    for (LocalDate day : ValidatedStore.partitionDays(ctx, Source.EVENTS)) {
      String sidecar = ctx.layout().validated("events", day) + "/_counts.json";
      if (day.isBefore(ctx.runDate()) && ctx.fs().exists(sidecar)) {
        Object read = Json.readMap(ctx.fs().readString(sidecar)).get("read");
        reads.put(day, ((Number) read).longValue());
      }
    }
    eventCounts.forEach(
        (day, c) -> {
          if (day.isBefore(ctx.runDate())) {
            reads.put(day, c.read());
          }
        });
    List<Long> out = new ArrayList<>(reads.descendingMap().values());
    return out.subList(0, Math.min(max, out.size()));
  }
}
