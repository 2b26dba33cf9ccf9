package com.comborec.generate;

import com.comborec.core.ComborecException;
import com.comborec.core.StepTimer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthetic data generator: writes a complete input set in the contract layout (events,
 * products, users, market, feedback) plus truth/ with what was planted. The world is built on the
 * driver from the seed; every file is written by its own Spark task with its own seeded streams, so
 * the same spec gives byte-identical files however the work is scheduled.
 */
public final class Generator {
  private static final Logger LOG = LoggerFactory.getLogger(Generator.class);
  private static final String STAGE = "generate";

  /** The folders the generator owns under its output root. */
  static final List<String> FOLDERS =
      List.of("events", "products", "users", "market", "feedback", "truth");

  private Generator() {}

  public static GeneratorResult run(SparkSession spark, GeneratorSpec spec) {
    long start = System.nanoTime();
    SparkContext sc = spark.sparkContext();
    Configuration conf = sc.hadoopConfiguration();
    try (FileSystem fs = FileSystem.newInstance(URI.create(spec.output()), conf)) {
      fs.setWriteChecksum(false);
      String root = fs.makeQualified(new Path(spec.output())).toString();
      clearOutput(fs, root, spec.overwrite());
      World world = StepTimer.timed(sc, STAGE, "build the world", () -> new World(spec));
      Map<Integer, String> reactionDays = reactionDays(conf, world);
      Plan plan = new Plan(world, reactionDays.keySet());
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
      Broadcast<World> bw = jsc.broadcast(world);
      Broadcast<SerializableConfiguration> bc = jsc.broadcast(new SerializableConfiguration(conf));
      List<FileTask.Result> results =
          new ArrayList<>(
              StepTimer.timed(
                  sc,
                  STAGE,
                  "write " + plan.tasks.size() + " files",
                  () -> writeFiles(jsc, plan, bw, bc, root)));
      results.addAll(writeReactions(spark, reactionDays, bw, bc, root));
      StepTimer.timed(sc, STAGE, "write truth", () -> new Truth(fs, root).writeAll(world, results));
      bw.destroy();
      bc.destroy();
      GeneratorResult result =
          GeneratorResult.of(root, results, (System.nanoTime() - start) / 1_000_000);
      LOG.info(
          "[{}] wrote {} files under {} in {}: {}",
          STAGE,
          result.files(),
          root,
          StepTimer.seconds(start),
          result.records());
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("generator output " + spec.output() + " failed", e);
    }
  }

  private static List<FileTask.Result> writeFiles(
      JavaSparkContext jsc,
      Plan plan,
      Broadcast<World> world,
      Broadcast<SerializableConfiguration> conf,
      String root) {
    int parallelism = world.value().spec.parallelism();
    int slices = parallelism > 0 ? Math.min(parallelism, plan.tasks.size()) : plan.tasks.size();
    return jsc.parallelize(plan.tasks, Math.max(1, slices))
        .map(task -> task.run(world.value(), conf.value().value(), root))
        .collect();
  }

  /** Feedback files of the days that react to published recommendations, one Spark job each. */
  private static List<FileTask.Result> writeReactions(
      SparkSession spark,
      Map<Integer, String> reactionDays,
      Broadcast<World> world,
      Broadcast<SerializableConfiguration> conf,
      String root) {
    List<FileTask.Result> out = new ArrayList<>();
    reactionDays.forEach(
        (day, recs) ->
            out.add(
                StepTimer.timed(
                    spark.sparkContext(),
                    STAGE,
                    "write feedback of " + world.value().date(day) + " reacting to " + recs,
                    () -> FeedbackReactions.write(spark, world, conf, day, recs, root))));
    return out;
  }

  /**
   * Refuses to mix with an earlier set unless told to overwrite; then removes only its own folders.
   */
  private static void clearOutput(FileSystem fs, String root, boolean overwrite)
      throws IOException {
    for (String folder : FOLDERS) {
      Path p = new Path(root, folder);
      if (fs.exists(p)) {
        if (!overwrite) {
          throw ComborecException.usage(
              "generator output '%s' already holds %s/; choose an empty folder or set overwrite",
              root, folder);
        }
        fs.delete(p, true);
      }
    }
    fs.mkdirs(new Path(root));
  }

  /**
   * Days whose feedback reacts to published recommendations of the day before, with that folder.
   */
  private static Map<Integer, String> reactionDays(Configuration conf, World world) {
    Map<Integer, String> out = new TreeMap<>();
    String feedbackRoot = world.spec.feedbackRoot();
    if (feedbackRoot == null) {
      return out;
    }
    for (int d = 0; d < world.spec.days(); d++) {
      String recs = FeedbackReactions.recommendationsBefore(conf, feedbackRoot, world.date(d));
      if (recs != null) {
        out.put(d, recs);
      }
    }
    if (out.isEmpty()) {
      LOG.warn(
          "[{}] no complete recommendations under {} for the days before {}..{}: plausible feedback"
              + " instead",
          STAGE,
          feedbackRoot,
          world.spec.from(),
          world.spec.to());
    }
    return out;
  }
}
