package com.comborec.ingest;

import com.comborec.contract.Source;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.store.ValidatedStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The volume gate's history: events read on previous ingested days, from this run's catch-up counts
 * and the {@code _counts.json} sidecars of the work store.
 */
final class VolumeHistory {
  private VolumeHistory() {}

  static String check(RunContext ctx, Map<LocalDate, DayCounts> eventCounts) {
    GateSettings gates = ctx.config().get(GateSettings.SECTION);
    long today = eventCounts.get(ctx.runDate()).read();
    List<Long> history = previousDays(ctx, eventCounts, gates.volumeHistoryDays());
    String violation = DataQualityGates.volumeViolation(today, history, gates);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("events_today", today);
    report.put("history_days", history.size());
    report.put("median", DataQualityGates.median(history));
    report.put(
        "status",
        !gates.volumeEnabled()
            ? "disabled"
            : history.size() < gates.volumeMinHistory()
                ? "not_enough_history"
                : violation == null ? "passed" : "refused");
    ctx.report().put("gates.volume", report);
    return violation;
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
