package com.comborec.generate;

import com.comborec.contract.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generator run wrote: data records per source (planted bad rows included), the planted
 * reject counts per source and reason (as in truth/rejects.json), the number of files and the time.
 */
public record GeneratorResult(
    String output,
    Map<String, Long> records,
    Map<String, Map<String, Long>> plantedRejects,
    int files,
    long millis) {

  static GeneratorResult of(String output, List<FileTask.Result> results, long millis) {
    Map<String, Long> records = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      records.put(s.folder(), 0L);
    }
    for (FileTask.Result r : results) {
      Source s = Truth.source(r.kind());
      if (s != null) {
        records.merge(s.folder(), r.records(), Long::sum);
      }
    }
    Map<String, Map<String, Long>> rejects = new LinkedHashMap<>();
    Truth.rejects(results)
        .forEach(
            (source, counts) -> {
              if (counts instanceof Map<?, ?> m) {
                Map<String, Long> typed = new LinkedHashMap<>();
                m.forEach((k, v) -> typed.put((String) k, (Long) v));
                rejects.put(source, typed);
              }
            });
    return new GeneratorResult(output, records, rejects, results.size(), millis);
  }

  /** All planted bad rows of a source. */
  public long rejects(String source) {
    return plantedRejects.getOrDefault(source, Map.of()).values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }
}
