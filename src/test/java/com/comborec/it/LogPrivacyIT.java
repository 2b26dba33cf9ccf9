package com.comborec.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No raw user id in the log of a data-samples run at the shipped log configuration (comborec at
 * INFO, everything else at WARN): every user id of the sample's users and events files is looked
 * for as a whole token in every line the reference run printed.
 */
class LogPrivacyIT {

  /**
   * The sample's user ids, minus tokens that are also item or order ids (they may be logged as
   * such).
   */
  static Set<String> sampleUserIds() throws IOException {
    Set<String> users = new HashSet<>();
    Set<String> others = new HashSet<>();
    Path samples = Submit.project().resolve("data-samples");
    for (Path csv : csvFiles(samples.resolve("users"))) {
      column(csv, "user_id", users);
    }
    for (Path csv : csvFiles(samples.resolve("events"))) {
      column(csv, "user_id", users);
      column(csv, "item_id", others);
      column(csv, "order_id", others);
    }
    users.removeAll(others);
    users.remove("");
    return users;
  }

  static List<Path> csvFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".csv")).toList();
    }
  }

  /** One column by header name; sample files quote no user ids, so a plain split is exact here. */
  static void column(Path csv, String name, Set<String> into) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).replace("\uFEFF", "").toLowerCase().split(",", -1));
    int i = header.indexOf(name);
    if (i < 0) {
      return;
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells.length > i) {
        into.add(cells[i].trim());
      }
    }
  }

  @Test
  void referenceRunLogsNoUserId() throws IOException {
    Proc run = ReferenceRun.get();
    assertEquals(0, run.exitCode(), "reference run: " + run.tail());
    Set<String> ids = sampleUserIds();
    assertTrue(ids.size() > 100, "the sample has user ids: " + ids.size());
    List<String> leaks = new ArrayList<>();
    for (String line : run.output().lines().toList()) {
      for (String token : line.split("[^A-Za-z0-9_-]+")) {
        if (ids.contains(token)) {
          leaks.add(token + " in: " + line);
        }
      }
    }
    assertTrue(
        leaks.isEmpty(),
        leaks.size()
            + " log line(s) with a user id, e.g. "
            + leaks.subList(0, Math.min(5, leaks.size())));
    assertTrue(
        run.output().matches("(?s).*\\[ingest\\] events: \\d+ lines, read \\d+.*"),
        "the log is the run's INFO log");
  }
}
