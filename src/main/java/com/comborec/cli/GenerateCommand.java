package com.comborec.cli;

import com.comborec.core.ComboConfig;
import com.comborec.core.Json;
import com.comborec.generate.Generator;
import com.comborec.generate.GeneratorResult;
import com.comborec.generate.GeneratorSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code generate}: a synthetic input set in the contract layout, with planted structure in truth/.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "Write a synthetic input set in the contract layout.",
    description = {
      "Write a synthetic input set (events, products, users, market, feedback) in the contract",
      "layout for a date range, with the planted structure (tastes, complementary pairs, demand"
          + " trend",
      "breaks, planted reject counts) under truth/. The same seed gives the same bytes."
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--output",
      required = true,
      description = "Root folder of the generated input set.")
  String output;

  @Option(names = "--from", required = true, description = "First day.")
  String from;

  @Option(names = "--to", required = true, description = "Last day.")
  String to;

  @Option(
      names = "--users",
      defaultValue = "10000",
      description = "Users (default ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--items",
      defaultValue = "2000",
      description = "Catalog items (default ${DEFAULT-VALUE}).")
  int items;

  @Option(
      names = "--events",
      defaultValue = "1000000",
      description = "Total events (default ${DEFAULT-VALUE}).")
  long events;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--gzip", description = "Write .csv.gz files.")
  boolean gzip;

  @Option(
      names = "--malformed-fraction",
      defaultValue = "0.001",
      description = "Share of rows per reject reason (default ${DEFAULT-VALUE}; 0 = clean).")
  double malformed;

  @Option(
      names = "--feedback-from",
      paramLabel = "OUTPUT_ROOT",
      description =
          "A comborec output root whose previous day's recommendations the feedback reacts to.")
  String feedbackRoot;

  @Option(
      names = "--market-history-days",
      defaultValue = "0",
      description = "Extra market days before --from, e.g. 393 for a seasonal index from day one.")
  int marketHistoryDays;

  @Option(names = "--overwrite", description = "Replace an earlier generated set in --output.")
  boolean overwrite;

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    GeneratorSpec spec =
        GeneratorSpec.defaults(
                output, DateOption.parse("--from", from), DateOption.parse("--to", to))
            .withUsers(users)
            .withItems(items)
            .withEvents(events)
            .withSeed(seed)
            .withGzip(gzip)
            .withMalformedFraction(malformed)
            .withFeedbackRoot(feedbackRoot)
            .withMarketHistoryDays(marketHistoryDays)
            .withOverwrite(overwrite);
    ComboConfig config = options.load();
    return SparkCommand.withSpark(
        config,
        spark -> {
          GeneratorResult result = Generator.run(spark, spec);
          System.out.println(Json.write(result));
          return 0;
        });
  }
}
