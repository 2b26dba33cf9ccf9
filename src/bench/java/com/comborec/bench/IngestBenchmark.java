package com.comborec.bench;

import com.comborec.cli.PipelineRunner;
import com.comborec.cli.Stages;
import com.comborec.contract.Source;
import com.comborec.core.ComboConfig;
import com.comborec.core.Json;
import com.comborec.core.SparkSessions;
import com.comborec.ingest.IngestStage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times comborec's ingest stage against {@link BareCsvCopy} on the same files, in one JVM and one
 * SparkSession, alternating which goes first from run to run so a change in machine load hits both
 * alike. A warm-up round of each is not counted. The ingest runs exactly as {@code comborec run
 * ingest --date D} does (PipelineRunner with the ingest stage alone, on a fresh output root, so it
 * ingests every partition of the look-back), and the bare copy then copies the very partitions that
 * run's manifest lists.
 */
public final class IngestBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(IngestBenchmark.class);
  private static final String USAGE =
      "usage: IngestBenchmark --input DIR --date YYYY-MM-DD --work DIR --json FILE [--runs 3]"
          + " [--warmup 1] [--ours-only true] [--conf FILE] [--set key=value]...";
  private static final List<Source> SOURCES =
      List.of(Source.PRODUCTS, Source.USERS, Source.EVENTS, Source.MARKET, Source.FEEDBACK);

  private IngestBenchmark() {}

  public static void main(String[] args) {
    BenchArgs a = new BenchArgs(args, USAGE);
    String input = new File(a.required("input")).getAbsolutePath();
    String work = new File(a.required("work")).getAbsolutePath();
    LocalDate day = LocalDate.parse(a.required("date"));
    int runs = a.intValue("runs", 3);
    int warmup = a.intValue("warmup", 1);
    // For profiling: only the ingest side (the partitions are still taken from its manifest).
    boolean oursOnly = Boolean.parseBoolean(a.get("ours-only", "false"));
    List<String> sets = new ArrayList<>(a.all("set"));
    sets.add("input=\"" + input + "\"");
    sets.add("output=\"" + work + "/ours\"");
    // One checkpoint folder for the whole session (each run's output root is deleted afterwards).
    sets.add("spark.checkpoint-dir=\"" + work + "/_checkpoints\"");
    String conf = a.get("conf", System.getenv("COMBOREC_CONF"));
    ComboConfig base =
        ComboConfig.load(conf == null ? null : new File(conf), sets, Stages.settings());
    if (base.spark().master() == null) {
      base = base.with("spark.master=\"local[*]\"");
    }
    SparkSession spark = SparkSessions.create(base);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "ingest");
    result.put("input", input);
    result.put("date", day.toString());
    result.put("environment", BenchOut.environment(spark));

    double[] oursStage = new double[runs];
    double[] oursRun = new double[runs];
    double[] bare = new double[runs];
    double[] bareMultiLine = new double[runs];
    Map<String, List<String>> partitions = null;
    Map<String, Object> oursSteps = new LinkedHashMap<>();
    for (int i = -warmup; i < runs; i++) {
      String tag = i < 0 ? "warmup" + (-i) : "run" + (i + 1);
      boolean oursFirst = i % 2 == 0;
      double[] o = null;
      double b = 0;
      double bm = 0;
      if (oursFirst || partitions == null) {
        o = ours(spark, base, day, work + "/ours-" + tag);
        partitions = partitions == null ? partitionsOf(work + "/ours-" + tag, day) : partitions;
        if (!oursOnly) {
          b = bare(spark, input, partitions, work + "/bare-" + tag, false);
          bm = bare(spark, input, partitions, work + "/bare-ml-" + tag, true);
        }
      } else if (oursOnly) {
        o = ours(spark, base, day, work + "/ours-" + tag);
      } else {
        bm = bare(spark, input, partitions, work + "/bare-ml-" + tag, true);
        b = bare(spark, input, partitions, work + "/bare-" + tag, false);
        o = ours(spark, base, day, work + "/ours-" + tag);
      }
      LOG.info(
          "[bench] ingest {}: ours stage {} s (run {} s), bare copy {} s, bare multiLine copy {} s",
          tag,
          BenchStats.round(o[0]),
          BenchStats.round(o[1]),
          BenchStats.round(b),
          BenchStats.round(bm));
      if (i >= 0) {
        oursStage[i] = o[0];
        oursRun[i] = o[1];
        bare[i] = b;
        bareMultiLine[i] = bm;
      }
      if (i == runs - 1) {
        oursSteps = manifestOf(work + "/ours-" + tag, day);
      }
      for (String d : List.of("ours-", "bare-", "bare-ml-")) {
        delete(spark, work + "/" + d + tag);
      }
    }
    result.put("partitions", partitions);
    result.put("inputs", oursSteps.get("inputs"));
    result.put("ours_stage_seconds", BenchStats.summary(oursStage));
    result.put("ours_run_seconds", BenchStats.summary(oursRun));
    result.put("bare_copy_seconds", BenchStats.summary(bare));
    result.put("bare_multiline_copy_seconds", BenchStats.summary(bareMultiLine));
    result.put("ratio_stage_vs_bare", BenchStats.summary(BenchStats.ratios(oursStage, bare)));
    result.put(
        "ratio_stage_vs_bare_multiline",
        BenchStats.summary(BenchStats.ratios(oursStage, bareMultiLine)));
    BenchOut.write(a.required("json"), result);
    System.out.println(Json.write(result));
    spark.stop();
  }

  /** {ingest stage seconds from the manifest, whole run seconds incl. publish}. */
  private static double[] ours(SparkSession spark, ComboConfig base, LocalDate day, String out) {
    ComboConfig config = base.with("output=\"" + out + "\"");
    long t0 = System.nanoTime();
    PipelineRunner.run(spark, config, day, List.of(new IngestStage()), false);
    double run = (System.nanoTime() - t0) / 1e9;
    double stage = run;
    Object stages = manifestOf(out, day).get("stages");
    if (stages instanceof List<?> list) {
      for (Object s : list) {
        if (s instanceof Map<?, ?> m && "ingest".equals(m.get("name"))) {
          stage = ((Number) m.get("seconds")).doubleValue();
        }
      }
    }
    return new double[] {stage, run};
  }

  private static double bare(
      SparkSession spark,
      String input,
      Map<String, List<String>> partitions,
      String out,
      boolean multiLine) {
    long t0 = System.nanoTime();
    for (Source s : SOURCES) {
      List<String> days = partitions.get(s.folder());
      if (days != null && !days.isEmpty()) {
        spark
            .sparkContext()
            .setJobDescription("bare copy " + s.folder() + (multiLine ? " (multiLine)" : ""));
        BareCsvCopy.copy(spark, input, s, days, out, multiLine);
      }
    }
    spark.sparkContext().setJobDescription(null);
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The partition days each source's ingest read, as its manifest lists them. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> partitionsOf(String out, LocalDate day) {
    Map<String, Object> inputs = (Map<String, Object>) manifestOf(out, day).get("inputs");
    Map<String, List<String>> days = new LinkedHashMap<>();
    for (Source s : SOURCES) {
      Object source = inputs.get(s.folder());
      if (source instanceof Map<?, ?> m && m.get("partitions") instanceof List<?> l) {
        days.put(s.folder(), l.stream().map(String::valueOf).toList());
      }
    }
    return days;
  }

  private static Map<String, Object> manifestOf(String out, LocalDate day) {
    try {
      return Json.readMap(
          Files.readString(
              Path.of(out, "_manifests", "dt=" + day + ".json"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("no manifest under " + out, e);
    }
  }

  private static void delete(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
