package com.comborec.cli;

import com.comborec.contract.Schemas;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.Fs;
import com.comborec.core.Json;
import com.comborec.core.OutputLayout;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inspect}: the manifest summary, row counts and a few rows of each table of a day. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Print a day's manifest summary, row counts and the first rows of each published table.")
final class InspectCommand implements Callable<Integer> {
  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The day (default: the day LATEST names).")
  String date;

  @Option(
      names = "--rows",
      defaultValue = "3",
      description = "Rows to show per table (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--write-report",
      description =
          "Also (re)write the day's HTML report, _manifests/dt=D.html, from its manifest.")
  boolean writeReport;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    ComboConfig config = options.load();
    return SparkCommand.withSpark(config, spark -> inspect(spark, config, System.out));
  }

  int inspect(SparkSession spark, ComboConfig config, PrintStream out) {
    Fs fs = new Fs(spark.sparkContext().hadoopConfiguration());
    LocalDate day = day(fs, config);
    OutputLayout layout = new OutputLayout(config.paths(), day);
    if (!fs.exists(layout.manifest())) {
      throw ComborecException.usage("no manifest for %s at %s", day, layout.manifest());
    }
    Map<String, Object> manifest = Json.readMap(fs.readString(layout.manifest()));
    out.println(RunSummary.render(manifest));
    if (writeReport) {
      com.comborec.publish.report.ManifestSidecars.writeReport(spark, fs, layout, manifest);
      out.println("report: " + layout.report());
    }
    for (String table : new TreeSet<>(Schemas.TABLES.keySet())) {
      String path = layout.table(table);
      if (!table.equals("rejects") && fs.exists(path + "/_SUCCESS")) {
        out.println("== " + table + " (" + path + ")");
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> t = spark.read().parquet(path);
        out.println("   " + t.count() + " rows; first " + rows + ":");
        t.limit(rows)
            .toJSON()
            .collectAsList()
            .forEach(j -> out.println("   " + abbreviate(j, 400)));
      }
    }
    return 0;
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + " ...";
  }

  private LocalDate day(Fs fs, ComboConfig config) {
    if (date != null) {
      return DateOption.parse("--date", date);
    }
    String latest = config.paths().output() + "/LATEST";
    if (!fs.exists(latest)) {
      throw ComborecException.usage(
          "no --date given and no LATEST under %s", config.paths().output());
    }
    return LocalDate.parse(fs.readString(latest).trim());
  }
}
