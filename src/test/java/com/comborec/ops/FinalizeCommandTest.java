package com.comborec.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.cli.Main;
import com.comborec.cli.Stages;
import com.comborec.core.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code finalize --date D} over what {@code run STAGE} leaves behind (written here directly, so
 * the test does not depend on which stages exist or how long they take): it publishes only when
 * every registered stage published and every table a stage committed has _SUCCESS.
 */
class FinalizeCommandTest {
  static final String DAY = "2011-07-31";
  static final String TABLE = "frequently_bought_together";

  /**
   * What a published {@code run <stage>} keeps: its manifest copy; the first stage committed TABLE.
   */
  static void stageRuns(Path out, List<String> stages) throws IOException {
    Path folder = Files.createDirectories(out.resolve("_manifests/_stages/dt=" + DAY));
    for (String stage : stages) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("run_date", DAY);
      m.put("run_id", DAY + "-" + stage);
      m.put("status", "published");
      m.put("partial", true);
      m.put("started_at", "2011-08-01T02:00:00Z");
      m.put(
          "stages",
          List.of(
              Map.of("name", stage, "seconds", 1.0, "status", "ok"),
              Map.of("name", "publish", "seconds", 0.1, "status", "ok")));
      m.put(
          "outputs",
          stage.equals(Stages.names().get(0))
              ? Map.of(TABLE, Map.of("rows", 3, "committed", true))
              : Map.of());
      m.put(stage, Map.of("figure", 1));
      Files.writeString(folder.resolve(stage + ".json"), Json.write(m));
    }
  }

  static void committed(Path out) throws IOException {
    Files.createDirectories(out.resolve(TABLE + "/dt=" + DAY));
    Files.writeString(out.resolve(TABLE + "/dt=" + DAY + "/_SUCCESS"), "");
  }

  static int finalizeDay(Path out, StringWriter err) {
    TestSpark.session();
    return Main.execute(
        new PrintWriter(err, true),
        "finalize",
        "--date",
        DAY,
        "--set",
        "input=\"" + TestSpark.projectDir().resolve("data-samples") + "\"",
        "--set",
        "output=\"" + out + "\"");
  }

  @Test
  void publishesMergedManifestReportAndLatest(@TempDir Path out) throws IOException {
    stageRuns(out, Stages.names());
    committed(out);
    StringWriter err = new StringWriter();
    assertEquals(0, finalizeDay(out, err), err.toString());
    assertEquals(DAY + "\n", Files.readString(out.resolve("LATEST")), "LATEST");
    Map<String, Object> m =
        Json.readMap(Files.readString(out.resolve("_manifests/dt=" + DAY + ".json")));
    assertEquals("published", m.get("status"));
    assertEquals(false, m.get("partial"));
    List<?> stages = (List<?>) m.get("stages");
    assertEquals(
        Stages.names(), stages.stream().map(s -> ((Map<?, ?>) s).get("name")).toList(), "stages");
    for (String stage : Stages.names()) {
      assertEquals(Map.of("figure", 1), m.get(stage), "figures of " + stage);
    }
    assertTrue(
        Files.readString(out.resolve("_manifests/dt=" + DAY + ".html")).contains("badge ok"),
        "report");
  }

  @Test
  void refusesWhileAStageHasNotPublished(@TempDir Path out) throws IOException {
    List<String> all = Stages.names();
    stageRuns(out, all.subList(0, all.size() - 1));
    committed(out);
    StringWriter err = new StringWriter();
    assertEquals(1, finalizeDay(out, err), err.toString());
    assertTrue(
        err.toString().contains("[" + all.get(all.size() - 1) + "]"),
        "names the missing stage: " + err);
    assertFalse(Files.exists(out.resolve("LATEST")), "LATEST must not appear");
    assertFalse(Files.exists(out.resolve("_manifests/dt=" + DAY + ".json")), "no day manifest");
  }

  @Test
  void refusesWhenACommittedTableLacksSuccess(@TempDir Path out) throws IOException {
    stageRuns(out, Stages.names());
    Files.createDirectories(out.resolve(TABLE + "/dt=" + DAY));
    Files.writeString(out.resolve("LATEST"), "2011-07-30\n");
    StringWriter err = new StringWriter();
    assertEquals(1, finalizeDay(out, err), err.toString());
    assertTrue(err.toString().contains(TABLE + "/dt=" + DAY), "names the table: " + err);
    assertEquals("2011-07-30\n", Files.readString(out.resolve("LATEST")), "LATEST unchanged");
  }
}
