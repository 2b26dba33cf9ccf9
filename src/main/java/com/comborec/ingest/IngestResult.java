package com.comborec.ingest;

import com.comborec.core.StageResult;
import java.util.List;
import java.util.Map;

/**
 * The ingest stage's manifest sections: {@code inputs} (per source: read = accepted + rejected by
 * reason, partitions, files, extra columns, per-day counts) and {@code gates} (the data quality
 * verdict and the volume check behind it).
 */
public record IngestResult(Map<String, SourceReport> inputs, Gates gates) implements StageResult {

  /**
   * One source. {@code status} is "absent" (no partition) or "reused" (a validated snapshot serves)
   * when nothing was read this run; the counts are null then.
   *
   * @param lines physical lines of the files read, headers excluded: each lies in exactly one read
   *     record (accepted or rejected) or is blank
   * @param byDay counts per input partition day, when more than one was read
   */
  public record SourceReport(
      String status,
      String reusedSnapshot,
      Long lines,
      Long read,
      Long accepted,
      Long rejected,
      Map<String, Long> rejectedByReason,
      List<String> partitions,
      Integer files,
      Map<String, Long> extraColumns,
      Map<String, Counts> byDay) {

    static SourceReport notRead(String status, String reusedSnapshot) {
      return new SourceReport(
          status, reusedSnapshot, null, null, null, null, null, null, null, null, null);
    }
  }

  /** read = accepted + rejected; rejected split by reason code. */
  public record Counts(
      long read, long accepted, long rejected, Map<String, Long> rejectedByReason) {
    static Counts of(DayCounts c) {
      return new Counts(c.read(), c.accepted(), c.rejected(), c.rejectedByReason());
    }
  }

  public record Gates(DataQuality dataQuality, Volume volume) {}

  /** Empty violations: the run passed. */
  public record DataQuality(List<String> violations) {}

  /** {@code status}: passed, refused, not_enough_history or disabled. */
  public record Volume(long eventsToday, int historyDays, double median, String status) {}
}
