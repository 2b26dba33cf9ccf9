package com.comborec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad configuration and usage exit 2 with the offending key named, before Spark starts. */
class ConfigValidationTest {

  static String[] args(String... extra) {
    List<String> a = new ArrayList<>(List.of("nightly", "--date", "2026-11-27"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown key          | nosuch.key=1                    | comborec.nosuch.key",
        "typo in a section    | ingest.max-id-lenght=5          | comborec.ingest.max-id-lenght",
        "value out of range   | ingest.max-id-length=0          | comborec.ingest.max-id-length",
        "wrong type           | ingest.max-id-length=abc        | comborec.ingest.max-id-length",
        "band inverted        | gates.volume.min-ratio=9        | comborec.gates.volume.max-ratio",
        "bad time zone        | time-zone=Mars/Base             | comborec.time-zone",
        "path escape          | input=\"data/../../etc\"        | comborec.input",
        "scheme not allowed   | output=\"ftp://host/x\"         | comborec.output",
        "input equals output  | output=\"data-samples\"         | comborec.output",
        "non-numeric weight   | ingest.event-types.purchase=x   | comborec.ingest.event-types",
        "negative feedback weight | interactions.feedback-weights.click=-1 |"
            + " comborec.interactions.feedback-weights.click",
        "weight for impressions   | interactions.feedback-weights.impression=1 |"
            + " comborec.interactions.feedback-weights.impression",
        // Checked against another section's key, still before Spark starts (it used to fail only
        // once the model stage ran, after ingest, features, segment and combos).
        "cutoffs past look-back | model.eval.cutoffs=20 | comborec.model.eval.cutoffs",
      })
  void badConfigurationExits2NamingTheKey(String name, String override, String key) {
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new PrintWriter(err, true), args("--set", "input=\"data-samples\"", "--set", override));
    assertEquals(2, code, name + ": " + err);
    assertTrue(
        err.toString().contains(key), name + ": message should name " + key + ", got: " + err);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad date            | nightly --date 2026-13-01",
        "missing date        | nightly",
        "unknown subcommand  | fly --date 2026-11-27",
        "unknown stage       | run nosuch --date 2026-11-27",
        "missing conf file   | nightly --date 2026-11-27 --conf /nonexistent/x.conf",
        "backfill backwards  | backfill --from 2026-11-27 --to 2026-11-01",
        "set without value   | nightly --date 2026-11-27 --set justakey",
      })
  void badUsageExits2(String name, String commandLine) {
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(err, true), commandLine.split(" "));
    assertEquals(2, code, name + ": " + err);
  }

  @ParameterizedTest
  @CsvSource({"nightly", "run", "backfill", "inspect"})
  void everySubcommandHasHelp(String command) {
    assertEquals(0, Main.execute(new PrintWriter(new StringWriter(), true), command, "--help"));
  }
}
