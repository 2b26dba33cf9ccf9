package com.comborec.ingest;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;
import com.comborec.ingest.csv.CsvLimits;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How input rows are validated: event types with their weights (keys are lower-cased, since event
 * types match case-insensitively), the id length limit, the look-back for catch-up and the bounds
 * of one CSV record, and how many rejects a source may gather on the driver.
 */
public record IngestSettings(
    Map<String, Double> eventTypeWeights,
    int maxIdLength,
    int catchUpDays,
    int maxFilesPerPartition,
    int maxRecordLines,
    int maxRecordChars,
    int driverRejectsMb) {
  /** The {@code comborec.ingest} section. */
  public static final SettingsSection<IngestSettings> SECTION =
      SettingsSection.of("ingest", IngestSettings::from);

  public static IngestSettings from(Settings s) {
    Map<String, Double> weights = new LinkedHashMap<>();
    s.doubleMap("event-types").forEach((k, v) -> weights.put(k.toLowerCase(Locale.ROOT), v));
    s.check(!weights.isEmpty(), "event-types", "must name at least one event type");
    s.check(
        weights.containsKey("purchase"),
        "event-types",
        "must contain 'purchase': baskets, budgets and the holdout are built from purchases");
    return new IngestSettings(
        Map.copyOf(weights),
        s.intAtLeast("max-id-length", 1),
        s.intAtLeast("catch-up-days", 0),
        s.intAtLeast("max-files-per-partition", 1),
        s.intAtLeast("max-record-lines", 1),
        s.intAtLeast("max-record-chars", 16),
        s.intAtLeast("driver-rejects-mb", 0));
  }

  /** The rejects of one source the driver may hold from the validating pass, in bytes. */
  public long driverRejectsBytes() {
    return (long) driverRejectsMb << 20;
  }

  /** How far one CSV record may reach before it is malformed. */
  public CsvLimits recordLimits() {
    return new CsvLimits(maxRecordLines, maxRecordChars);
  }
}
