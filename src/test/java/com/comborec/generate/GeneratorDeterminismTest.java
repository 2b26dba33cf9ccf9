package com.comborec.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same bytes (whatever the Spark parallelism); another seed, other data. */
class GeneratorDeterminismTest {
  private static final SparkSession SPARK = TestSpark.session();

  @TempDir Path tmp;

  private GeneratorSpec spec(Path out, long seed) {
    return GeneratorSpec.defaults(
            out.toString(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5))
        .withSeed(seed)
        .withUsers(500)
        .withItems(200)
        .withEvents(12_000)
        .withEventsPerFile(2_500)
        .withMalformedFraction(0.002)
        .withMarketHistoryDays(3);
  }

  @Test
  void sameSeedGivesByteIdenticalFilesWhateverTheParallelism() {
    Generator.run(SPARK, spec(tmp.resolve("a"), 7));
    Generator.run(SPARK, spec(tmp.resolve("b"), 7).withParallelism(3));
    Map<String, String> a = GeneratedSet.hashes(tmp.resolve("a"));
    Map<String, String> b = GeneratedSet.hashes(tmp.resolve("b"));
    // About 2,400 events a day in files of 2,500 rows: 1 or 2 events files a day, 5 products,
    // 1 users, 8 market, 5 feedback and 9 truth files.
    assertTrue(a.size() >= 33, "expected every source's files, got " + a.keySet());
    assertEquals(a.keySet(), b.keySet(), "the two runs wrote different file names");
    a.forEach((file, hash) -> assertEquals(hash, b.get(file), "bytes differ in " + file));
  }

  @Test
  void gzipSameSeedIsByteIdenticalToo() {
    Generator.run(SPARK, spec(tmp.resolve("a"), 7).withGzip(true));
    Generator.run(SPARK, spec(tmp.resolve("b"), 7).withGzip(true));
    Map<String, String> a = GeneratedSet.hashes(tmp.resolve("a"));
    assertTrue(
        a.containsKey("events/dt=2026-03-01/part-00000.csv.gz"), "gzip names: " + a.keySet());
    assertEquals(
        a, GeneratedSet.hashes(tmp.resolve("b")), "gzip output differs between identical runs");
  }

  @Test
  void anotherSeedGivesOtherData() {
    Generator.run(SPARK, spec(tmp.resolve("a"), 7).withEventsPerFile(5_000));
    Generator.run(SPARK, spec(tmp.resolve("b"), 8).withEventsPerFile(5_000));
    Map<String, String> a = GeneratedSet.hashes(tmp.resolve("a"));
    Map<String, String> b = GeneratedSet.hashes(tmp.resolve("b"));
    for (String file :
        new String[] {
          "events/dt=2026-03-01/part-00000.csv",
          "products/dt=2026-03-01/products.csv",
          "users/dt=2026-03-01/users.csv",
          "market/dt=2026-03-01/market.csv",
          "feedback/dt=2026-03-01/feedback.csv"
        }) {
      assertNotEquals(a.get(file), b.get(file), file + " is the same under seeds 7 and 8");
    }
  }
}
