package com.comborec.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Row counts of one source partition: read = accepted + sum of rejected by reason. */
public record DayCounts(long read, long accepted, Map<String, Long> rejectedByReason) {

  public long rejected() {
    return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  public double rejectRatio() {
    return read == 0 ? 0.0 : (double) rejected() / read;
  }

  public DayCounts plus(DayCounts other) {
    Map<String, Long> reasons = new TreeMap<>(rejectedByReason);
    other.rejectedByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
    return new DayCounts(read + other.read, accepted + other.accepted, reasons);
  }

  public static DayCounts empty() {
    return new DayCounts(0, 0, new TreeMap<>());
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("read", read);
    m.put("accepted", accepted);
    m.put("rejected", rejected());
    m.put("rejected_by_reason", new TreeMap<>(rejectedByReason));
    return m;
  }
}
