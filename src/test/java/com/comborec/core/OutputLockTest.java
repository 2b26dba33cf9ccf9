package com.comborec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per output root: a held lock refuses, a stale one is taken over, release frees it. */
class OutputLockTest {
  static final LockSettings SETTINGS = new LockSettings(true, Duration.ofMinutes(10));
  @TempDir Path out;

  OutputLock take(String runId) {
    return OutputLock.acquire(new Configuration(), out.toUri().toString(), SETTINGS, runId, "test");
  }

  Path lockFile() {
    return out.resolve("_work").resolve(OutputLock.NAME);
  }

  void writeLock(String runId, String host, long pid, Instant renewed) throws IOException {
    Files.createDirectories(lockFile().getParent());
    Files.writeString(
        lockFile(),
        Json.write(
            Map.of(
                "run_id",
                runId,
                "command",
                "nightly --date 2011-07-31",
                "host",
                host,
                "pid",
                pid,
                "started_at",
                renewed.toString(),
                "lease_seconds",
                600)));
    Files.setLastModifiedTime(lockFile(), FileTime.from(renewed));
  }

  @Test
  void aSecondRunIsRefusedWithTheHoldersRunIdAndTheFirstReleases() {
    try (OutputLock first = take("2011-07-31-aaaa1111")) {
      assertTrue(Files.exists(lockFile()));
      ComborecException refused =
          assertThrows(ComborecException.class, () -> take("2011-07-31-bbbb2222"));
      assertEquals(ExitCode.FAILURE, refused.exitCode());
      assertTrue(refused.getMessage().contains("2011-07-31-aaaa1111"), refused.getMessage());
      assertTrue(refused.getMessage().contains(OutputLock.thisHost()), refused.getMessage());
    }
    assertFalse(Files.exists(lockFile()), "released");
    try (OutputLock again = take("2011-07-31-cccc3333")) {
      assertTrue(Files.exists(lockFile()), "taken again after release");
    }
  }

  @Test
  void aLockWhoseProcessIsGoneFromThisHostIsTakenOver() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    writeLock("2011-07-30-dead0001", OutputLock.thisHost(), p.pid(), Instant.now());
    try (OutputLock lock = take("2011-07-31-live0001")) {
      assertTrue(Files.readString(lockFile()).contains("2011-07-31-live0001"));
    }
  }

  @Test
  void aLockNotRenewedForItsLeaseIsTakenOverEvenFromAnotherHost() throws Exception {
    writeLock("2011-07-30-far00001", "another-host", 1, Instant.now().minusSeconds(3600));
    try (OutputLock lock = take("2011-07-31-live0002")) {
      assertTrue(Files.readString(lockFile()).contains("2011-07-31-live0002"));
    }
  }

  @Test
  void aFreshLockOfAnotherHostIsRespected() throws Exception {
    writeLock("2011-07-31-far00002", "another-host", 1, Instant.now());
    ComborecException refused =
        assertThrows(ComborecException.class, () -> take("2011-07-31-live0003"));
    assertTrue(refused.getMessage().contains("2011-07-31-far00002"), refused.getMessage());
    assertTrue(Files.readString(lockFile()).contains("far00002"), "left alone");
  }

  @Test
  void theHolderRenewsItsLock() throws Exception {
    LockSettings fast = new LockSettings(true, Duration.ofSeconds(5));
    try (OutputLock lock =
        OutputLock.acquire(new Configuration(), out.toUri().toString(), fast, "r-renew", "test")) {
      Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minusSeconds(60)));
      long deadline = System.currentTimeMillis() + 10_000;
      while (Files.getLastModifiedTime(lockFile())
              .toInstant()
              .isBefore(Instant.now().minusSeconds(30))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(
          Files.getLastModifiedTime(lockFile()).toInstant().isAfter(Instant.now().minusSeconds(30)),
          "renewed within a heartbeat (1.25 s)");
    }
  }

  @Test
  void aDisabledLockTakesNothing() {
    LockSettings off = new LockSettings(false, Duration.ofMinutes(10));
    try (OutputLock a =
            OutputLock.acquire(new Configuration(), out.toUri().toString(), off, "a", "test");
        OutputLock b =
            OutputLock.acquire(new Configuration(), out.toUri().toString(), off, "b", "test")) {
      assertFalse(Files.exists(lockFile()));
    }
  }
}
