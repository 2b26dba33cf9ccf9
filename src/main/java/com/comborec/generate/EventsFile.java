package com.comborec.generate;

import com.comborec.contract.Source;
import java.time.LocalDate;
import java.util.Map;

/** One events file: {@code rows} rows of one (day, chunk), planted bad rows included. */
final class EventsFile {
  private EventsFile() {}

  /** Bad rows per reason of a whole day, before they are shared out among its chunks. */
  static int perReasonOfDay(GeneratorSpec spec, long dayRows) {
    return Faults.perReason(spec.malformedFraction(), dayRows);
  }

  static Map<String, Long> write(
      World world, int day, int chunk, long rows, int perReason, CsvSink sink) {
    int reasons = Faults.PLANTED.get(Source.EVENTS).size();
    long good = rows - (long) perReason * reasons;
    LocalDate date = world.date(day);
    Rng rng = Rng.of(world.spec.seed(), Streams.REJECTS, day, chunk);
    return PlantedWriter.write(
        sink,
        new EventRows(world, day, chunk),
        good,
        Faults.PLANTED.get(Source.EVENTS),
        perReason,
        rng,
        (g, reason, r) -> Faults.event(g, reason, date, world.spec.to(), r));
  }
}
