package com.comborec.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.InputFixture;
import com.comborec.TestConfig;
import com.comborec.TestSpark;
import com.comborec.cli.Main;
import com.comborec.cli.PipelineRunner;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.core.FaultPoint;
import com.comborec.core.Json;
import com.comborec.core.LockSettings;
import com.comborec.core.OutputLock;
import com.comborec.core.RunContext;
import com.comborec.core.RunHooks;
import com.comborec.core.Stage;
import com.comborec.core.StageResult;
import com.comborec.ingest.IngestStage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failed or refused run leaves a manifest and a report and prints one line with the root
 * cause; one run per output root.
 */
class FailedRunTest {
  static final String DAY = "2026-11-27";
  static final String PRODUCTS = "item_id,title,category,brand,price,cost,stock,active";
  static final String EVENTS = "event_time,user_id,item_id,event_type,quantity,unit_price,order_id";

  static InputFixture smallInput(Path root) {
    return new InputFixture(root)
        .file("products", "2026-11-01", "p.csv", PRODUCTS, "A,a,x,,1.0,,,")
        .file("events", DAY, "e.csv", EVENTS, "2026-11-27 10:00:00,u1,A,view,,,");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> manifest(Path output) throws IOException {
    return Json.readMap(Files.readString(output.resolve("_manifests/dt=" + DAY + ".json")));
  }

  @Test
  void aTruncatedGzipExits3NamingTheFileWithAFailedManifestAndReport(@TempDir Path root)
      throws IOException {
    StringBuilder csv = new StringBuilder(EVENTS).append('\n');
    for (int i = 0; i < 5000; i++) {
      csv.append("2026-11-27 10:00:00,u")
          .append(i)
          .append(",A,view,1,1.0,o")
          .append(i)
          .append('\n');
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = gz.toByteArray();
    InputFixture fx =
        smallInput(root)
            .bytes("events", DAY, "more.csv.gz", Arrays.copyOf(whole, whole.length / 2));
    InputFixture.Result r = fx.run("nightly", DAY);
    assertEquals(3, r.exitCode(), r.err());
    assertTrue(r.err().contains("more.csv.gz") && r.err().contains("EOF"), r.err());
    assertFalse(r.err().contains("\tat "), "one line, no stack trace: " + r.err());
    Map<String, Object> m = manifest(fx.output);
    assertEquals("failed", m.get("status"));
    assertEquals(3, m.get("exit_code"));
    assertEquals("ingest", m.get("failed_stage"));
    assertTrue(String.valueOf(m.get("message")).contains("more.csv.gz"), m.toString());
    assertTrue(Files.exists(fx.output.resolve("_manifests/dt=" + DAY + ".html")), "the report");
    assertFalse(Files.exists(fx.output.resolve("LATEST")));
  }

  /** A stage whose Spark job fails in a task: Spark throws a checked SparkException. */
  record Boom() implements StageResult {}

  static final class FailingStage implements Stage<Boom> {
    @Override
    public String name() {
      return "boom";
    }

    @Override
    public String description() {
      return "fails inside a Spark task";
    }

    @Override
    public Boom run(RunContext ctx) {
      MapFunction<Long, Long> fail =
          x -> {
            throw new IllegalStateException("task blew up on row " + x);
          };
      ctx.spark().range(3).map(fail, Encoders.LONG()).collectAsList();
      return new Boom();
    }
  }

  @Test
  void aSparkJobFailureLeavesAFailedManifestWithTheStageAndRootCause(@TempDir Path root)
      throws IOException {
    InputFixture fx = smallInput(root);
    ComboConfig config =
        TestConfig.load(List.of("input=\"" + fx.input + "\"", "output=\"" + fx.output + "\""));
    ComborecException e =
        assertThrows(
            ComborecException.class,
            () ->
                PipelineRunner.run(
                    TestSpark.session(),
                    config,
                    LocalDate.parse(DAY),
                    List.of(new FailingStage()),
                    true));
    assertEquals(ExitCode.FAILURE, e.exitCode());
    Map<String, Object> m = manifest(fx.output);
    assertEquals("failed", m.get("status"));
    assertEquals("boom", m.get("failed_stage"));
    assertTrue(
        String.valueOf(m.get("message")).contains("task blew up on row"), m.get("message") + "");
    assertFalse(String.valueOf(m.get("message")).contains("\n"), "one line");
    assertTrue(Files.exists(fx.output.resolve("_manifests/dt=" + DAY + ".html")), "the report");
  }

  @Test
  void aSecondRunOnTheSameOutputIsRefusedNamingTheFirstWhichPublishes(@TempDir Path root)
      throws Exception {
    InputFixture fx = smallInput(root);
    ComboConfig config =
        TestConfig.load(List.of("input=\"" + fx.input + "\"", "output=\"" + fx.output + "\""));
    String first = PipelineRunner.newRunId(LocalDate.parse(DAY));
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    RunHooks pause =
        point -> {
          if (point == FaultPoint.AFTER_STAGES) {
            held.countDown();
            try {
              go.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    CompletableFuture<ExitCode> firstRun =
        CompletableFuture.supplyAsync(
            () -> {
              try (OutputLock lock =
                  OutputLock.acquire(
                      new Configuration(),
                      config.paths().output(),
                      config.get(LockSettings.SECTION),
                      first,
                      "run ingest --date " + DAY)) {
                return PipelineRunner.run(
                    TestSpark.session(),
                    config,
                    LocalDate.parse(DAY),
                    List.of(new IngestStage()),
                    false,
                    pause,
                    first);
              }
            });
    try {
      assertTrue(held.await(3, TimeUnit.MINUTES), "the first run reached its pause");
      long t0 = System.nanoTime();
      InputFixture.Result second = fx.run("run ingest", DAY);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(1, second.exitCode(), second.err());
      assertTrue(second.err().contains(first), "names the holder: " + second.err());
      assertTrue(seconds < 10, "refused at once: " + seconds + " s");
    } finally {
      go.countDown();
    }
    assertEquals(ExitCode.PUBLISHED, firstRun.get(3, TimeUnit.MINUTES));
    Map<String, Object> m = manifest(fx.output);
    assertEquals(first, m.get("run_id"), "the refused run wrote no manifest");
    assertEquals("published", m.get("status"));
    assertFalse(Files.exists(Path.of(fx.output.toString(), "_work", "_lock.json")), "released");
  }

  @Test
  void aMissingInputRootIsNamedAsSuch(@TempDir Path root) {
    InputFixture fx = new InputFixture(root);
    InputFixture.Result r = fx.run("run ingest", DAY);
    assertEquals(3, r.exitCode(), r.err());
    assertTrue(r.err().contains("input root does not exist"), r.err());
  }

  @Test
  void runHelpListsTheStages() {
    StringWriter out = new StringWriter();
    PrintWriter w = new PrintWriter(out, true);
    java.io.PrintStream old = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute(w, "run", "--help"));
    } finally {
      System.setOut(old);
    }
    String help = captured.toString(StandardCharsets.UTF_8) + out;
    assertFalse(help.contains("null"), help);
    assertTrue(help.contains("ingest, features"), help);
  }
}
