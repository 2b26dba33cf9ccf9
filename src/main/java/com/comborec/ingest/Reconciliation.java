package com.comborec.ingest;

import com.comborec.contract.Source;
import com.comborec.core.OutputLayout;
import com.comborec.core.RunContext;
import com.comborec.core.StagedTables;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks, per partition day, that the rows written (counted from the Parquet footers, not from the
 * plan) equal what validation counted: accepted + rejected = read, with nothing lost.
 */
final class Reconciliation {
  private Reconciliation() {}

  static void check(
      RunContext ctx,
      Source source,
      Map<LocalDate, DayCounts> counts,
      IncomingPartitions incoming) {
    Map<LocalDate, DayCounts> byRejectsDay = new TreeMap<>();
    Map<LocalDate, Long> writtenAccepted = new TreeMap<>();
    counts.forEach(
        (day, c) -> {
          LocalDate target = day;
          byRejectsDay.merge(target, c, DayCounts::plus);
          writtenAccepted.merge(target, incoming.rows(source, day), Long::sum);
        });
    byRejectsDay.forEach(
        (day, c) -> {
          String rejectsPath = OutputLayout.relativeRejects(source.folder(), day);
          long accepted = writtenAccepted.get(day);
          long rejected =
              ctx.staged().entries().stream()
                  .filter(x -> x.relativePath().equals(rejectsPath))
                  .mapToLong(StagedTables.Entry::rows)
                  .sum();
          if (accepted != c.accepted()
              || rejected != c.rejected()
              || c.read() != accepted + rejected) {
            throw new IllegalStateException(
                String.format(
                    "%s dt=%s: counts do not reconcile: read %d, counted accepted %d / rejected %d,"
                        + " written %d / %d",
                    source.folder(),
                    day,
                    c.read(),
                    c.accepted(),
                    c.rejected(),
                    accepted,
                    rejected));
          }
        });
  }
}
