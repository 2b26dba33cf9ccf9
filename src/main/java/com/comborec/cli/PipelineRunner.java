package com.comborec.cli;

import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.core.Failure;
import com.comborec.core.FaultPoint;
import com.comborec.core.RunContext;
import com.comborec.core.RunHooks;
import com.comborec.core.Stage;
import com.comborec.core.StageTiming;
import com.comborec.core.StepTimer;
import com.comborec.publish.Committer;
import com.comborec.publish.LatestPointer;
import com.comborec.publish.ManifestWriter;
import com.comborec.publish.report.ManifestSidecars;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stages for one day as named, timed steps, then publishes: commit the staged tables, write
 * the manifest, and only then move LATEST. Any failure writes a manifest saying so and leaves every
 * public folder and LATEST as they were.
 */
public final class PipelineRunner {
  private static final Logger LOG = LoggerFactory.getLogger("comborec");

  private PipelineRunner() {}

  /**
   * Runs the stages; {@code complete} means every table of the day is produced, so LATEST may move.
   */
  public static ExitCode run(
      SparkSession spark,
      ComboConfig config,
      LocalDate day,
      List<Stage<?>> stages,
      boolean complete) {
    return run(spark, config, day, stages, complete, RunHooks.NONE);
  }

  /** The same, with hooks at the run's fault points (tests only). */
  public static ExitCode run(
      SparkSession spark,
      ComboConfig config,
      LocalDate day,
      List<Stage<?>> stages,
      boolean complete,
      RunHooks hooks) {
    return run(spark, config, day, stages, complete, hooks, newRunId(day));
  }

  /** A run's id: the day and a random suffix, e.g. {@code 2011-07-31-1a2b3c4d}. */
  public static String newRunId(LocalDate day) {
    return day + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The same with the run id given (the one the command's output lock names). */
  public static ExitCode run(
      SparkSession spark,
      ComboConfig config,
      LocalDate day,
      List<Stage<?>> stages,
      boolean complete,
      RunHooks hooks,
      String runId) {
    RunContext ctx = new RunContext(spark, config, day, runId, hooks);
    Instant started = Instant.now();
    LOG.info(
        "[run] {} for {}: stages {}, output {}",
        complete ? "nightly" : "partial run",
        day,
        stages.stream().map(Stage::name).toList(),
        config.paths().output());
    spark.sparkContext().setJobGroup("comborec-" + day, "comborec " + day, false);
    try {
      stages.forEach(stage -> runStage(ctx, stage));
      ctx.reached(FaultPoint.AFTER_STAGES);
      timed(
          ctx,
          "publish",
          () -> {
            Committer.publish(ctx);
          });
      ManifestSidecars.write(
          ctx, ManifestWriter.write(ctx, ExitCode.PUBLISHED, "published", started, !complete));
      ctx.reached(FaultPoint.BEFORE_LATEST);
      if (complete) {
        LatestPointer.advance(ctx);
      }
      LOG.info(
          "[run] {} published in {}; manifest {}", day, since(started), ctx.layout().manifest());
      return ExitCode.PUBLISHED;
    } catch (Throwable t) {
      // Every failure, checked Spark exceptions and errors included, leaves a manifest and report.
      if (t instanceof ComborecException e) {
        ctx.record(e.partialResult());
      }
      Failure failure = Failure.of(t);
      recordFailure(ctx, failure, t, started, complete);
      throw failure.asException(t);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private static void runStage(RunContext ctx, Stage<?> stage) {
    timed(ctx, stage.name(), () -> ctx.record(stage.run(ctx)));
  }

  private static void timed(RunContext ctx, String name, Runnable body) {
    ctx.enterStage(name);
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    String status = "failed";
    LOG.info("[{}] stage started", name);
    try {
      body.run();
      status = "ok";
    } finally {
      double seconds = (System.nanoTime() - t0) / 1e9;
      ctx.recordTiming(
          new StageTiming(name, start.toString(), Math.round(seconds * 1000) / 1000.0, status));
      LOG.info("[{}] stage {} in {}", name, status, StepTimer.seconds(t0));
    }
  }

  private static void recordFailure(
      RunContext ctx, Failure failure, Throwable t, Instant started, boolean complete) {
    String stage = ctx.currentStage();
    if (Failure.expected(t)) {
      LOG.error(
          "[run] {} ended with exit {} ({}) in stage {}: {}",
          ctx.runDate(),
          failure.exit().code(),
          failure.exit().manifestStatus(),
          stage,
          failure.message());
    } else {
      LOG.error(
          "[run] {} failed in stage {} with exit {}: {}",
          ctx.runDate(),
          stage,
          failure.exit().code(),
          failure.message(),
          t);
    }
    try {
      ManifestSidecars.write(
          ctx,
          ManifestWriter.write(
              ctx,
              failure.exit(),
              failure.message(),
              started,
              !complete,
              stage,
              failure.rootCause()));
    } catch (RuntimeException writeFailure) {
      LOG.error(
          "[run] could not write the manifest of the failed run: {}", writeFailure.getMessage());
    }
  }

  private static String since(Instant started) {
    return String.format(
        "%.1f s", (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0);
  }
}
