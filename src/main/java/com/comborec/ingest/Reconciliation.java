package com.comborec.ingest;

import com.comborec.contract.Source;
import com.comborec.core.OutputLayout;
import com.comborec.core.RunContext;
import com.comborec.core.StagedTables;
import java.time.LocalDate;
import java.util.Map;

/**
 * Checks, per partition day, that the rows written (counted from the Parquet footers, not from
 * the plan) equal what validation counted: accepted + rejected = read, with nothing lost.
 */
final class Reconciliation {
  private Reconciliation() {}

  static void check(RunContext ctx, Source source, Map<LocalDate, DayCounts> counts, IncomingPartitions incoming) {
    for (Map.Entry<LocalDate, DayCounts> e : counts.entrySet()) {
      LocalDate day = e.getKey();
      DayCounts c = e.getValue();
      long writtenAccepted = incoming.rows(source, day);
      String rejectsPath = OutputLayout.relativeRejects(source.folder(), day);
      long writtenRejected = ctx.staged().entries().stream().filter(x -> x.relativePath().equals(rejectsPath))
          .mapToLong(StagedTables.Entry::rows).sum();
      if (writtenAccepted != c.accepted() || writtenRejected != c.rejected()
          || c.read() != writtenAccepted + writtenRejected) {
        throw new IllegalStateException(String.format(
            "%s dt=%s: counts do not reconcile: read %d, counted accepted %d / rejected %d, written %d / %d",
            source.folder(), day, c.read(), c.accepted(), c.rejected(), writtenAccepted, writtenRejected));
      }
    }
  }
}
