package com.comborec.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a stage needs for one run day: Spark, config, paths and staged tables; and what the
 * run has to say for its manifest: each stage's typed result, timings and warnings.
 */
public final class RunContext {
  private static final Logger LOG = LoggerFactory.getLogger("comborec");
  private final SparkSession spark;
  private final ComboConfig config;
  private final LocalDate runDate;
  private final String runId;
  private final OutputLayout layout;
  private final StagedTables staged = new StagedTables();
  private final List<StageResult> results = new ArrayList<>();
  private final List<StageTiming> timings = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Fs fs;
  private final RunHooks hooks;
  private String currentStage = "run";

  public RunContext(SparkSession spark, ComboConfig config, LocalDate runDate, String runId) {
    this(spark, config, runDate, runId, RunHooks.NONE);
  }

  public RunContext(
      SparkSession spark, ComboConfig config, LocalDate runDate, String runId, RunHooks hooks) {
    this.hooks = hooks;
    this.spark = spark;
    this.config = config;
    this.runDate = runDate;
    this.runId = runId;
    this.layout = new OutputLayout(config.paths(), runDate);
    this.fs = new Fs(spark.sparkContext().hadoopConfiguration());
  }

  public SparkSession spark() {
    return spark;
  }

  public ComboConfig config() {
    return config;
  }

  public LocalDate runDate() {
    return runDate;
  }

  public String runId() {
    return runId;
  }

  public OutputLayout layout() {
    return layout;
  }

  public StagedTables staged() {
    return staged;
  }

  public Fs fs() {
    return fs;
  }

  /** Marks a fault point of the run; a no-op unless a test installed hooks. */
  public void reached(FaultPoint point) {
    hooks.reached(point);
  }

  /** Keeps a stage's result for the manifest (null: the stage had nothing to report). */
  public synchronized void record(StageResult result) {
    if (result != null) {
      results.add(result);
    }
  }

  public synchronized List<StageResult> results() {
    return List.copyOf(results);
  }

  public synchronized void recordTiming(StageTiming timing) {
    timings.add(timing);
  }

  public synchronized List<StageTiming> timings() {
    return List.copyOf(timings);
  }

  /** Logs a warning and keeps it for the manifest's {@code warnings} list. */
  public synchronized void warn(String message) {
    LOG.warn("[{}] {}", currentStage, message);
    warnings.add(message);
  }

  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  public void enterStage(String stage) {
    this.currentStage = stage;
  }

  public String currentStage() {
    return currentStage;
  }

  /** Runs a named, timed step of the current stage; see {@link StepTimer}. */
  public <T> T step(String step, Supplier<T> body) {
    return StepTimer.timed(spark.sparkContext(), currentStage, step, body);
  }

  public void step(String step, Runnable body) {
    StepTimer.timed(spark.sparkContext(), currentStage, step, body);
  }
}
