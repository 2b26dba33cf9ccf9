package com.comborec.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/cron/comborec-nightly.sh} with a stand-in submit line that records its arguments and
 * exits with a chosen code: the code passes through, each day has its log, overlap is refused.
 */
class CronWrapperTest {
  static final Path WRAPPER = TestSpark.projectDir().resolve("jobs/cron/comborec-nightly.sh");

  @TempDir Path tmp;

  /** A submit line that records "$@" and exits with $FAKE_RC. */
  Path fakeSubmit() throws IOException {
    Path fake = tmp.resolve("fake-submit.sh");
    Files.writeString(
        fake,
        "#!/usr/bin/env bash\necho \"$@\" > \""
            + tmp.resolve("args")
            + "\"\n"
            + "echo 'comborec: refused_data_quality (exit 4): too many rejects'\n"
            + "exit \"${FAKE_RC:-0}\"\n");
    assertTrue(fake.toFile().setExecutable(true));
    return fake;
  }

  record Run(int exitCode, String stderr) {}

  Run wrapper(String fakeRc, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", WRAPPER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment()
        .putAll(
            Map.of(
                "COMBOREC_SUBMIT",
                fakeSubmit().toString(),
                "COMBOREC_LOG_DIR",
                tmp.resolve("logs").toString(),
                "COMBOREC_LOCK",
                tmp.resolve("lock").toString(),
                "FAKE_RC",
                fakeRc));
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), err);
  }

  String recordedArgs() throws IOException {
    return Files.readString(tmp.resolve("args")).trim();
  }

  @Test
  void passesTheExitCodeThroughAndLogsPerDay() throws Exception {
    Run r = wrapper("4", "2011-07-31");
    assertEquals(4, r.exitCode(), r.stderr());
    assertEquals("nightly --date 2011-07-31", recordedArgs());
    String log = Files.readString(tmp.resolve("logs/comborec-nightly-2011-07-31.log"));
    assertTrue(log.contains("too many rejects") && log.contains("exit 4"), log);
    assertTrue(
        r.stderr().contains("exit 4") && r.stderr().contains("refused_data_quality"),
        "mailed verdict: " + r);
    assertEquals(0, wrapper("0", "2011-08-01").exitCode(), "a published night");
  }

  @Test
  void defaultsToYesterdayUtc() throws Exception {
    LocalDate before = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    assertEquals(0, wrapper("0").exitCode());
    LocalDate after = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    // before and after differ only if the test straddles midnight
    assertTrue(
        List.of("nightly --date " + before, "nightly --date " + after).contains(recordedArgs()),
        recordedArgs());
  }

  @Test
  void refusesAMalformedDayWithExit2() throws Exception {
    Run r = wrapper("0", "2011-13-45");
    assertEquals(2, r.exitCode(), r.stderr());
    assertFalse(Files.exists(tmp.resolve("args")), "nothing submitted");
  }

  @Test
  void refusesToOverlapARunningNight() throws Exception {
    Files.writeString(tmp.resolve("lock"), "");
    // holds the lock until its stdin closes
    Process holder =
        new ProcessBuilder("flock", tmp.resolve("lock").toString(), "-c", "echo locked; cat")
            .start();
    try {
      assertEquals('l', holder.getInputStream().read(), "the holder has the lock");
      Run r = wrapper("0", "2011-07-31");
      assertEquals(1, r.exitCode(), r.stderr());
      assertTrue(r.stderr().contains("another run holds"), r.stderr());
      assertFalse(Files.exists(tmp.resolve("args")), "nothing submitted while locked");
    } finally {
      holder.getOutputStream().close();
      holder.waitFor();
    }
  }
}
