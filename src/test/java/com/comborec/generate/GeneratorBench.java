package com.comborec.generate;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/**
 * A manual throughput harness, not a test: {@code GeneratorBench <output> <events> [users items
 * days gzip]}. Run under {@code /usr/bin/time -v} to see wall time and peak memory.
 */
public final class GeneratorBench {
  private GeneratorBench() {}

  public static void main(String[] args) {
    String out = args[0];
    long events = Long.parseLong(args[1]);
    int users = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int items = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int days = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    boolean gzip = args.length > 5 && Boolean.parseBoolean(args[5]);
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("generator-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    LocalDate from = LocalDate.of(2026, 1, 1);
    GeneratorSpec spec =
        GeneratorSpec.defaults(out, from, from.plusDays(days - 1L))
            .withEvents(events)
            .withUsers(users)
            .withItems(items)
            .withGzip(gzip)
            .withOverwrite(true);
    long start = System.nanoTime();
    GeneratorResult result = Generator.run(spark, spec);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "generated %s in %.1f s (%.0f events/s): %s%n",
        result.records(),
        seconds,
        result.records().get("events") / seconds,
        result.plantedRejects());
    spark.stop();
  }
}
