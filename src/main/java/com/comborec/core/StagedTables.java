package com.comborec.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables a run has staged and not yet committed, in staging order. The publisher commits
 * exactly these, so a stage that failed half-way leaves nothing public behind.
 */
public final class StagedTables {
  /** One staged table: its path relative to the output root, its row count from the footers. */
  public record Entry(String relativePath, String table, long rows, int files) {}

  private final List<Entry> entries = new ArrayList<>();

  public synchronized void add(Entry entry) {
    entries.removeIf(e -> e.relativePath().equals(entry.relativePath()));
    entries.add(entry);
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }
}
