package com.comborec.core;

import java.time.LocalDate;

/**
 * Where everything of one run day lives. Public tables sit under the output root; staging, the work
 * store and model files sit under {@code _}-prefixed folders, which Hive, Trino, Spark and DuckDB
 * skip.
 */
public record OutputLayout(StoragePaths paths, LocalDate runDate) {

  public static String dt(LocalDate day) {
    return "dt=" + day;
  }

  /** A public table's folder for the run day, e.g. {@code <output>/recommendations/dt=D}. */
  public String table(String table) {
    return paths.output() + "/" + table + "/" + dt(runDate);
  }

  /** A table path relative to the output root: {@code <table>/dt=D}. */
  public String relativeTable(String table) {
    return table + "/" + dt(runDate);
  }

  /** A rejects folder relative to the output root, per source and input partition day. */
  public static String relativeRejects(String source, LocalDate partition) {
    return "rejects/" + source + "/" + dt(partition);
  }

  public String output(String relative) {
    return paths.output() + "/" + relative;
  }

  public String stagingRoot() {
    return paths.output() + "/_staging/" + dt(runDate);
  }

  public String staged(String relative) {
    return stagingRoot() + "/" + relative;
  }

  /** Validated input of one source partition, kept for the later stages and later runs. */
  public String validated(String source, LocalDate partition) {
    return paths.work() + "/validated/" + source + "/" + dt(partition);
  }

  public String validatedRoot(String source) {
    return paths.work() + "/validated/" + source;
  }

  /** An intermediate dataset of this run day, e.g. interactions. */
  public String work(String name) {
    return paths.work() + "/" + name + "/" + dt(runDate);
  }

  public String workRoot(String name) {
    return paths.work() + "/" + name;
  }

  public String manifestsRoot() {
    return paths.output() + "/_manifests";
  }

  public String manifest() {
    return manifest(runDate);
  }

  public String manifest(LocalDate day) {
    return manifestsRoot() + "/" + dt(day) + ".json";
  }

  public String report() {
    return manifestsRoot() + "/" + dt(runDate) + ".html";
  }

  public String latest() {
    return paths.output() + "/LATEST";
  }

  public String models() {
    return paths.output() + "/_models";
  }
}
