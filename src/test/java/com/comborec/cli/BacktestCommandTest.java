package com.comborec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.model.evaluation.Backtest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest} end to end on data-samples (events 2011-06-01..07-31): it ingests, then measures
 * two cutoffs, 2011-07-03 (no inner cutoff has 28 days of history, so popularity serves) and
 * 2011-07-17 (chosen on 2011-07-03: the cutoff grid is anchored on 07-03 here, so both backtest
 * cutoffs are grid days). The CSV and the Markdown table must tell the same story.
 */
class BacktestCommandTest {
  static final List<String> CUTOFFS = List.of("2011-07-03", "2011-07-17");
  @TempDir static Path tmp;
  static int exit;
  static String err;
  static List<String> csv;
  static List<String> md;

  @BeforeAll
  static void backtest() throws IOException {
    TestSpark.session();
    StringWriter e = new StringWriter();
    exit =
        Main.execute(
            new PrintWriter(e, true),
            "backtest",
            "--from",
            CUTOFFS.get(0),
            "--to",
            CUTOFFS.get(1),
            "--every",
            "14",
            "--forward",
            "14",
            "--out",
            tmp.resolve("bt").toString(),
            "--set",
            "input=\"" + TestSpark.projectDir().resolve("data-samples") + "\"",
            "--set",
            "output=\"" + tmp.resolve("out") + "\"",
            "--set",
            "model.als.max-iter=5",
            "--set",
            "model.als.rank=8",
            "--set",
            "model.ranker.max-iter=10",
            "--set",
            "model.eval.cutoff-anchor=" + CUTOFFS.get(0));
    err = e.toString();
    csv = exit == 0 ? Files.readAllLines(tmp.resolve("bt/backtest.csv")) : List.of();
    md = exit == 0 ? Files.readAllLines(tmp.resolve("bt/backtest.md")) : List.of();
  }

  @Test
  void exitsZeroAndWritesBothTables() {
    assertEquals(0, exit, err);
    assertEquals(
        "cutoff,list,ndcg_at_10,precision_at_10,recall_at_10,map_at_10,coverage,users,served",
        csv.get(0));
    assertEquals(2 + CUTOFFS.size() + 2, md.size(), "header, rule, a row per cutoff, mean, worst");
  }

  @Test
  void everyBaselineIsMeasuredAtEveryCutoffAndExactlyOneListServes() {
    Map<String, List<String>> lists = new TreeMap<>();
    Map<String, Integer> served = new HashMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      lists.computeIfAbsent(f[0], c -> new ArrayList<>()).add(f[1]);
      served.merge(f[0], Integer.parseInt(f[8]), Integer::sum);
      double ndcg = Double.parseDouble(f[2]);
      assertTrue(ndcg >= 0 && ndcg <= 1, line);
      assertTrue(Long.parseLong(f[7]) > 0, "users evaluated: " + line);
    }
    assertEquals(CUTOFFS, new ArrayList<>(lists.keySet()));
    for (String c : CUTOFFS) {
      assertTrue(lists.get(c).containsAll(Backtest.BASELINES), c + ": " + lists.get(c));
      assertEquals(1, served.get(c), c + ": one served list");
    }
  }

  @Test
  void theTablesRatioIsTheServedListsNdcgOverTheBestBaselinesInTheCsv() {
    for (String c : CUTOFFS) {
      double best = 0;
      double served = Double.NaN;
      for (String line : csv.subList(1, csv.size())) {
        String[] f = line.split(",");
        if (!f[0].equals(c)) {
          continue;
        }
        double ndcg = Double.parseDouble(f[2]);
        if (Backtest.BASELINES.contains(f[1])) {
          best = Math.max(best, ndcg);
        }
        if (f[8].equals("1")) {
          served = ndcg;
        }
      }
      String row = md.stream().filter(l -> l.startsWith("| " + c + " |")).findFirst().orElseThrow();
      String ratio = String.format(Locale.ROOT, "| %.3fx |", served / best);
      assertTrue(row.endsWith(ratio), row + " should end with " + ratio);
    }
  }

  @Test
  void theFirstCutoffHasNoMeasurableInnerCutoffSoPopularityServes() {
    String row = md.get(2);
    assertTrue(row.startsWith("| 2011-07-03 |"), row);
    assertTrue(row.contains("| pop7 |"), "the first popularity list serves: " + row);
  }
}
