package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.InputFixture;
import com.comborec.contract.Source;
import com.comborec.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data quality gates: pure figures first, then each gate refusing a real run with exit 4. */
class DataQualityGatesTest {
  static final GateSettings GATES = new GateSettings(Map.of("events", 0.2), true, 0.5, 3.0, 14, 3);

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(20.0, DataQualityGates.median(List.of(30L, 10L, 20L)));
    assertEquals(25.0, DataQualityGates.median(List.of(40L, 10L, 20L, 30L)));
  }

  @Test
  void rejectRatioAboveLimitIsAViolation() {
    // 3 of 10 rejected = 30% > 20%; 2 of 10 = 20% is at the limit, allowed.
    assertEquals(
        1,
        DataQualityGates.rejectRatioViolations(
                Map.of(Source.EVENTS, new DayCounts(10, 7, Map.of("bad_number", 3L))), GATES)
            .size());
    assertTrue(
        DataQualityGates.rejectRatioViolations(
                Map.of(Source.EVENTS, new DayCounts(10, 8, Map.of("bad_number", 2L))), GATES)
            .isEmpty());
  }

  @Test
  void volumeOutsideTheBandIsAViolation() {
    List<Long> history = List.of(100L, 90L, 110L); // median 100
    assertNull(DataQualityGates.volumeViolation(50, history, GATES), "0.5x is on the band's edge");
    assertNotNull(DataQualityGates.volumeViolation(49, history, GATES), "below 0.5x");
    assertNotNull(DataQualityGates.volumeViolation(301, history, GATES), "above 3x");
    assertNull(
        DataQualityGates.volumeViolation(1000, List.of(100L, 100L), GATES),
        "too little history to judge");
  }

  @Test
  void rejectRatioGateRefusesTheRun(@TempDir Path root) throws Exception {
    InputFixture fx =
        new InputFixture(root)
            .file("products", "2026-11-01", "p.csv", "item_id,price", "A,1.0")
            .file(
                "events",
                "2026-11-27",
                "e.csv",
                "event_time,item_id,event_type",
                "2026-11-27 10:00:00,A,view",
                "2026-11-27 10:00:00,NOPE,view");
    InputFixture.Result r = fx.run("run ingest", "2026-11-27", "gates.max-reject-ratio.events=0.2");
    assertEquals(4, r.exitCode(), r.err());
    assertTrue(r.err().contains("1 of 2 rows rejected (50.0%)"), r.err());
    assertRefusedAndNothingPublished(fx, "2026-11-27");
  }

  @Test
  void volumeGateRefusesTheRun(@TempDir Path root) throws Exception {
    InputFixture fx =
        new InputFixture(root).file("products", "2026-11-01", "p.csv", "item_id,price", "A,1.0");
    for (int day = 20; day <= 26; day++) {
      fx.file("events", "2026-11-" + day, "e.csv", events(day, 10));
    }
    fx.file("events", "2026-11-27", "e.csv", events(27, 100)); // 10x the median of 10
    InputFixture.Result r = fx.run("run ingest", "2026-11-27");
    assertEquals(4, r.exitCode(), r.err());
    assertTrue(r.err().contains("10.00x the median"), r.err());
    assertRefusedAndNothingPublished(fx, "2026-11-27");
  }

  static String[] events(int day, int n) {
    List<String> lines = new ArrayList<>(List.of("event_time,item_id,event_type"));
    for (int i = 0; i < n; i++) {
      lines.add("2026-11-" + day + " 10:00:00,A,view");
    }
    return lines.toArray(String[]::new);
  }

  static void assertRefusedAndNothingPublished(InputFixture fx, String day) throws Exception {
    Map<String, Object> m =
        Json.readMap(Files.readString(fx.output.resolve("_manifests/dt=" + day + ".json")));
    assertEquals("refused_data_quality", m.get("status"));
    assertEquals(4, ((Number) m.get("exit_code")).intValue());
    assertFalse(
        ((List<?>) ((Map<?, ?>) ((Map<?, ?>) m.get("gates")).get("data_quality")).get("violations"))
            .isEmpty());
    assertFalse(Files.exists(fx.output.resolve("rejects")), "no rejects folder is published");
    assertFalse(
        Files.exists(fx.output.resolve("_work/validated/events/dt=" + day)),
        "nothing committed to the work store");
    assertFalse(Files.exists(fx.output.resolve("LATEST")));
  }
}
