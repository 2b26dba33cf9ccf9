package com.comborec.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.ManifestSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schema itself: it accepts a minimal failed run's manifest and catches drift. */
class ManifestSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a run that failed before any stage reported writes. */
  static ObjectNode failedRun() throws Exception {
    return (ObjectNode)
        JSON.readTree(
            """
            {"schema_version": "1.0", "run_date": "2011-07-31", "run_id": "2011-07-31-0a1b2c3d",
             "status": "failed", "exit_code": 1, "message": "boom", "partial": false,
             "started_at": "2026-12-04T01:00:00Z", "ended_at": "2026-12-04T01:00:05Z",
             "stages": [{"name": "ingest", "started_at": "2026-12-04T01:00:00Z",
                         "seconds": 4.2, "status": "failed"}],
             "warnings": [], "outputs": {}, "config": {"comborec.lookback-days": "180"}}
            """);
  }

  @Test
  void aFailedRunsManifestConforms() throws Exception {
    assertEquals(Set.of(), ManifestSchema.problems(failedRun()));
  }

  @Test
  void anUnknownSectionIsCaught() throws Exception {
    ObjectNode m = failedRun();
    m.putObject("modle").put("serving", "als");
    assertTrue(
        ManifestSchema.problems(m).stream().anyMatch(p -> p.contains("modle")),
        "a misspelled section: " + ManifestSchema.problems(m));
  }

  @Test
  void aFieldOfTheWrongTypeIsCaught() throws Exception {
    ObjectNode m = failedRun();
    m.putObject("segment")
        .put("users", "250")
        .put("k_requested", 6)
        .put("k_fitted", 6)
        .put("k_after_merges", 5)
        .put("profiles_published", 5)
        .putArray("sizes");
    assertTrue(
        ManifestSchema.problems(m).stream().anyMatch(p -> p.contains("segment.users")),
        "users as a string: " + ManifestSchema.problems(m));
  }

  @Test
  void aStatusOutsideTheContractIsCaught() throws Exception {
    ObjectNode m = failedRun();
    m.put("status", "crashed");
    assertTrue(
        ManifestSchema.problems(m).stream().anyMatch(p -> p.contains("status")),
        ManifestSchema.problems(m).toString());
  }
}
