package com.comborec.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.cli.Main;
import com.comborec.core.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated input set passes ingest with exactly the reject counts the generator planted. */
@SuppressWarnings("unchecked")
class GeneratedIngestTest {

  @Test
  void ingestFindsExactlyThePlantedRejects(@TempDir Path tmp) throws Exception {
    GeneratorSpec spec =
        GeneratorSpec.defaults(
                tmp.resolve("in").toString(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5))
            .withSeed(11)
            .withUsers(500)
            .withItems(200)
            .withEvents(12_000)
            .withEventsPerFile(2_500)
            .withMalformedFraction(0.005);
    GeneratorResult planted = Generator.run(TestSpark.session(), spec);
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new PrintWriter(err, true),
            "run",
            "ingest",
            "--date",
            "2026-03-05",
            "--set",
            "input=\"" + tmp.resolve("in") + "\"",
            "--set",
            "output=\"" + tmp.resolve("out") + "\"",
            "--set",
            "gates.volume.enabled=false",
            "--set",
            "gates.max-reject-ratio.events=1",
            "--set",
            "gates.max-reject-ratio.products=1",
            "--set",
            "gates.max-reject-ratio.users=1",
            "--set",
            "gates.max-reject-ratio.market=1",
            "--set",
            "gates.max-reject-ratio.feedback=1");
    assertEquals(0, code, err.toString());
    Map<String, Object> inputs =
        (Map<String, Object>)
            Json.readMap(Files.readString(tmp.resolve("out/_manifests/dt=2026-03-05.json")))
                .get("inputs");
    for (String source : planted.plantedRejects().keySet()) {
      Map<String, Long> expected = new TreeMap<>(planted.plantedRejects().get(source));
      expected.values().removeIf(v -> v == 0);
      Map<String, Long> found = new TreeMap<>();
      ((Map<String, Object>) ((Map<String, Object>) inputs.get(source)).get("rejected_by_reason"))
          .forEach((k, v) -> found.put(k, ((Number) v).longValue()));
      assertEquals(expected, found, source + ": rejects by reason, planted vs ingested");
      long read = ((Number) ((Map<?, ?>) inputs.get(source)).get("read")).longValue();
      assertEquals(
          planted.records().get(source).longValue(), read, source + ": rows read = rows generated");
    }
    assertTrue(planted.rejects("events") > 0, "events rejects were planted");
  }
}
