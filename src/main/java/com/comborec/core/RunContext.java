package com.comborec.core;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/** Everything a stage needs for one run day: Spark, config, paths, the report and staged tables. */
public final class RunContext {
  private final SparkSession spark;
  private final ComboConfig config;
  private final LocalDate runDate;
  private final String runId;
  private final OutputLayout layout;
  private final RunReport report = new RunReport();
  private final StagedTables staged = new StagedTables();
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

  public RunReport report() {
    return report;
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
