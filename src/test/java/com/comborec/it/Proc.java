package com.comborec.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a project script as a child process with its output in a log file, and times it. */
record Proc(List<String> command, int exitCode, double seconds, Path log) {

  /**
   * Runs {@code command} in {@code dir}; a process still running after the timeout is destroyed.
   */
  static Proc run(
      Path dir, Path log, Map<String, String> env, long timeoutMinutes, List<String> command) {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    try {
      Files.createDirectories(log.getParent());
      Process p = pb.start();
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        throw new IllegalStateException(
            "timed out after " + timeoutMinutes + " min: " + command + "; log " + log);
      }
      return new Proc(command, p.exitValue(), (System.nanoTime() - t0) / 1e9, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines of the output, for assertion messages. */
  String tail() {
    List<String> lines = output().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
  }

  @Override
  public String toString() {
    return String.format("exit %d in %.0f s (%s)", exitCode, seconds, log);
  }
}
