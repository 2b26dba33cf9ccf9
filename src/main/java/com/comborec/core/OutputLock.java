package com.comborec.core;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run per output root. Every command that writes to the output takes {@code
 * <output>/_work/_lock.json}, created atomically and holding the run id, host, pid, start time and
 * lease; a second run is refused at once (exit 1) with the holder named. The holder renews the
 * file's modification time every quarter lease. A lock is stale, and taken over with a warning,
 * when its holder's process is gone from this host, or when it was not renewed for a lease (the
 * holder died on another host or hangs). Released when the command ends, even when it fails.
 */
public final class OutputLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("comborec");
  static final String NAME = "_lock.json";

  private final LockFile file;
  private final String runId;
  private final ScheduledExecutorService heartbeat;
  private final Thread onExit;

  private OutputLock(LockFile file, String runId, LockSettings settings) {
    this.file = file;
    this.runId = runId;
    this.heartbeat = file == null ? null : startHeartbeat(settings.heartbeat());
    this.onExit = file == null ? null : new Thread(this::release, "comborec-lock-release");
    if (onExit != null) {
      Runtime.getRuntime().addShutdownHook(onExit);
    }
  }

  /** The lock file of an output root. */
  public static String path(String outputRoot) {
    return outputRoot + "/_work/" + NAME;
  }

  /**
   * Takes the output root's lock for {@code runId}, or fails with exit 1 naming the run that holds
   * it. A no-op lock when {@code comborec.lock.enabled} is false.
   */
  public static OutputLock acquire(
      Configuration hadoop,
      String outputRoot,
      LockSettings settings,
      String runId,
      String command) {
    if (!settings.enabled()) {
      return new OutputLock(null, runId, settings);
    }
    LockFile file = new LockFile(path(outputRoot), hadoop);
    String mine = LockHolder.mine(runId, command, settings.lease()).json();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (file.create(mine)) {
        LOG.info("[lock] {} holds {}", runId, file.uri());
        return new OutputLock(file, runId, settings);
      }
      LockFile.Contents found = file.read();
      if (found == null) {
        continue; // released between our create and read: try again
      }
      LockHolder holder = LockHolder.parse(found, settings.lease());
      String stale = holder.staleReason(Instant.now());
      if (stale == null) {
        throw new ComborecException(
            ExitCode.FAILURE,
            String.format(
                "the output root %s is in use by run %s; lock %s. Only one run may write an"
                    + " output root at a time: wait for that run to end (a lock whose run died is"
                    + " taken over once its process is gone or after comborec.lock.lease)",
                outputRoot, holder.describe(Instant.now()), file.uri()));
      }
      LOG.warn(
          "[lock] taking over the stale lock {} of run {}: {}", file.uri(), holder.runId(), stale);
      takeOver(file, holder, runId);
    }
    throw new ComborecException(
        ExitCode.FAILURE, "could not take the lock " + file.uri() + ": other runs keep taking it");
  }

  /**
   * Moves the stale lock aside and checks that what moved is the lock judged stale; a lock that a
   * faster run took in the meantime is put back, and the next attempt is refused by it.
   */
  private static void takeOver(LockFile file, LockHolder stale, String runId) {
    String aside = file.uri() + ".stale-" + runId.replaceAll("[^A-Za-z0-9-]", "");
    if (!file.moveTo(aside)) {
      return;
    }
    LockFile moved = file.sibling(aside);
    LockFile.Contents contents = moved.read();
    boolean same = contents != null && stale.text().equals(contents.text());
    if (!same && file.read() == null) {
      moved.moveTo(file.uri());
      return;
    }
    moved.delete();
  }

  private ScheduledExecutorService startHeartbeat(Duration every) {
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "comborec-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    s.scheduleAtFixedRate(this::renew, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return s;
  }

  private void renew() {
    try {
      LockFile.Contents c = file.read();
      if (c == null || !LockHolder.parse(c, Duration.ZERO).runId().equals(runId)) {
        LOG.error("[lock] {} no longer holds {}: another run took it over", runId, file.uri());
        heartbeat.shutdown();
        return;
      }
      file.touch();
    } catch (IOException | RuntimeException e) {
      LOG.warn("[lock] could not renew {}: {}", file.uri(), e.toString());
    }
  }

  /** Releases the lock if this run still holds it. */
  @Override
  public void close() {
    if (file == null) {
      return;
    }
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook itself releases.
    }
  }

  private synchronized void release() {
    heartbeat.shutdownNow();
    try {
      LockFile.Contents c = file.read();
      if (c != null && LockHolder.parse(c, Duration.ZERO).runId().equals(runId)) {
        file.delete();
        LOG.info("[lock] {} released {}", runId, file.uri());
      }
    } catch (RuntimeException e) {
      LOG.warn("[lock] could not release {}: {}", file.uri(), e.toString());
    }
  }

  /** Who holds a lock, as its file says. */
  record LockHolder(
      String runId,
      String command,
      String host,
      long pid,
      String startedAt,
      long leaseSeconds,
      long renewedMillis,
      String text) {

    static LockHolder mine(String runId, String command, Duration lease) {
      return new LockHolder(
          runId,
          command,
          thisHost(),
          ProcessHandle.current().pid(),
          Instant.now().toString(),
          lease.toSeconds(),
          System.currentTimeMillis(),
          null);
    }

    String json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("run_id", runId);
      m.put("command", command);
      m.put("host", host);
      m.put("pid", pid);
      m.put("started_at", startedAt);
      m.put("lease_seconds", leaseSeconds);
      return Json.write(m);
    }

    /** The holder a lock file names; an unreadable file (still being written) names nobody. */
    static LockHolder parse(LockFile.Contents c, Duration defaultLease) {
      try {
        Map<String, Object> m = Json.readMap(c.text());
        return new LockHolder(
            String.valueOf(m.get("run_id")),
            String.valueOf(m.get("command")),
            String.valueOf(m.get("host")),
            m.get("pid") instanceof Number n ? n.longValue() : -1,
            String.valueOf(m.get("started_at")),
            m.get("lease_seconds") instanceof Number n ? n.longValue() : defaultLease.toSeconds(),
            c.modifiedMillis(),
            c.text());
      } catch (RuntimeException e) {
        return new LockHolder(
            "(unreadable lock)", "", "", -1, "", 10, c.modifiedMillis(), c.text());
      }
    }

    /** Why the lock no longer protects a live run, or null when it does. */
    String staleReason(Instant now) {
      long silentMs = now.toEpochMilli() - renewedMillis;
      if (host.equals(thisHost()) && pid > 0 && ProcessHandle.of(pid).isEmpty()) {
        return String.format("its process %d on this host (%s) is gone", pid, host);
      }
      if (silentMs > leaseSeconds * 1000) {
        return String.format(
            "not renewed for %d s, longer than its lease of %d s", silentMs / 1000, leaseSeconds);
      }
      return null;
    }

    String describe(Instant now) {
      return String.format(
          "%s (%s) on host %s, pid %d, started %s, renewed %d s ago",
          runId, command, host, pid, startedAt, (now.toEpochMilli() - renewedMillis) / 1000);
    }
  }

  static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }
}
