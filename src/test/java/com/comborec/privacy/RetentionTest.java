package com.comborec.privacy;

import static com.comborec.Rows.spark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.store.ValidatedStore;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on a temporary work store. Run day 2026-03-10, look-back 3, retention 5: partitions on
 * or before 2026-03-05 expire, except the snapshot in force on the run day.
 */
class RetentionTest {
  static final LocalDate RUN_DAY = LocalDate.of(2026, 3, 10);

  @TempDir Path output;

  /** Pure rule: horizon 03-05; for a snapshot source the newest day <= 03-10 (03-04) stays. */
  @Test
  void expiredDaysKeepTheRetentionWindowAndTheSnapshotInForce() {
    List<LocalDate> days =
        days("2026-03-01", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-11");
    assertEquals(
        days("2026-03-01", "2026-03-04", "2026-03-05"),
        Retention.expiredDays(days, RUN_DAY, 5, false),
        "daily");
    assertEquals(
        days("2026-03-01"),
        Retention.expiredDays(days("2026-03-01", "2026-03-04"), RUN_DAY, 5, true),
        "snapshot: 03-01 expires, 03-04 is in force");
    assertEquals(
        List.of(),
        Retention.expiredDays(days("2026-03-02"), RUN_DAY, 5, true),
        "the only snapshot stays");
  }

  /**
   * Events 03-01, 03-05 expire; 03-06 and 03-10 stay. Products 03-01 expires, 03-04 (in force)
   * stays. Users 03-02 (only snapshot) stays. Market 03-11 (after the run day) stays.
   */
  @Test
  void expiresOldValidatedPartitionsKeepingCountsAndStaysReadable() {
    RunContext ctx = context(5);
    writeEvents(ctx, "2026-03-01", "2026-03-05", "2026-03-06", "2026-03-10");
    writeSnapshot(ctx, Source.PRODUCTS, "2026-03-01", "2026-03-04");
    writeSnapshot(ctx, Source.USERS, "2026-03-02");
    writeSnapshot(ctx, Source.MARKET, "2026-03-11");

    List<String> expired = Retention.expireValidated(ctx);
    assertEquals(
        new TreeSet<>(
            List.of(
                validated(ctx, "events", "2026-03-01"),
                validated(ctx, "events", "2026-03-05"),
                validated(ctx, "products", "2026-03-01"))),
        new TreeSet<>(expired),
        "expired folders");
    for (String folder : expired) {
      assertEquals(
          List.of("._counts.json.crc", "._expired.crc", "_counts.json", "_expired"),
          names(folder),
          "files left in " + folder);
    }
    assertTrue(
        names(validated(ctx, "events", "2026-03-06")).stream()
            .anyMatch(n -> n.endsWith(".parquet")),
        "03-06 keeps its data");
    assertTrue(
        names(validated(ctx, "users", "2026-03-02")).stream().anyMatch(n -> n.endsWith(".parquet")),
        "the users snapshot in force keeps its data");
    assertEquals(
        3,
        PrivacyResult.of(ctx, expired.size()).privacy().retention().expiredPartitions(),
        "manifest privacy.retention.expired_partitions");

    // Catch-up still sees every day as ingested, and the window reads as before.
    assertEquals(
        days("2026-03-01", "2026-03-05", "2026-03-06", "2026-03-10"),
        ValidatedStore.partitionDays(ctx, Source.EVENTS),
        "validated days listed after expiry");
    assertEquals(
        List.of("user-2026-03-10"),
        ValidatedStore.events(ctx, 3).select("user_id").as(Encoders.STRING()).collectAsList(),
        "look-back window 03-08..03-10");
    assertEquals(
        List.of("user-2026-03-06", "user-2026-03-10"),
        ValidatedStore.daily(ctx, Source.EVENTS, LocalDate.parse("2026-03-01"), RUN_DAY)
            .select("user_id")
            .orderBy("user_id")
            .as(Encoders.STRING())
            .collectAsList(),
        "a range over expired days reads only the kept ones");
    assertEquals(List.of(), Retention.expireValidated(ctx), "a second run expires nothing new");
  }

  @Test
  void retentionOffDeletesNothingAndWorkIntermediatesExpireWhole() {
    RunContext off = context(0);
    writeEvents(off, "2026-01-01");
    assertEquals(List.of(), Retention.expireValidated(off), "retention 0");
    assertTrue(
        names(validated(off, "events", "2026-01-01")).stream()
            .anyMatch(n -> n.endsWith(".parquet")),
        "kept");

    RunContext ctx = context(5);
    for (String day : List.of("2026-03-05", "2026-03-06")) {
      off.fs()
          .writeStringAtomically(ctx.layout().workRoot("segments") + "/dt=" + day + "/part-0", "x");
    }
    assertEquals(
        List.of(ctx.layout().workRoot("segments") + "/dt=2026-03-05"),
        Retention.expireWork(ctx, List.of("segments")),
        "work segments of 03-05 deleted");
    assertFalse(
        ctx.fs().exists(ctx.layout().workRoot("segments") + "/dt=2026-03-05"), "03-05 gone");
    assertTrue(ctx.fs().exists(ctx.layout().workRoot("segments") + "/dt=2026-03-06"), "03-06 kept");
  }

  private RunContext context(int retentionDays) {
    ComboConfig config =
        TestConfig.defaults()
            .with(
                "output=\"" + output.resolve("r" + retentionDays) + "\"",
                "lookback-days=3",
                "model.eval.cutoffs=1",
                "model.eval.forward-days=1",
                "model.eval.min-history-days=1",
                "combos.fbt.eval-days=0",
                "privacy.retention-days=" + retentionDays);
    return new RunContext(spark(), config, RUN_DAY, "retention-test");
  }

  /**
   * One Spark job writes every day's partition (one row each, user "user-<day>"), then the counts
   * sidecars.
   */
  private static void writeEvents(RunContext ctx, String... days) {
    List<Row> rows = new ArrayList<>();
    for (String day : days) {
      rows.add(
          RowFactory.create(
              Timestamp.valueOf(day + " 12:00:00"),
              "user-" + day,
              "p1",
              "view",
              1,
              null,
              null,
              day));
    }
    spark()
        .createDataFrame(rows, Schemas.validated(Source.EVENTS).add("dt", DataTypes.StringType))
        .write()
        .mode(SaveMode.Append)
        .partitionBy("dt")
        .parquet(ctx.layout().validatedRoot("events"));
    for (String day : days) {
      ctx.fs()
          .writeStringAtomically(validated(ctx, "events", day) + "/_counts.json", "{\"read\":1}");
    }
  }

  /** Snapshots are never read here, so a stand-in data file and the counts sidecar will do. */
  private static void writeSnapshot(RunContext ctx, Source source, String... days) {
    for (String day : days) {
      ctx.fs()
          .writeStringAtomically(
              validated(ctx, source.folder(), day) + "/part-00000.parquet", "stand-in");
      ctx.fs()
          .writeStringAtomically(
              validated(ctx, source.folder(), day) + "/_counts.json", "{\"read\":0}");
    }
  }

  private static String validated(RunContext ctx, String source, String day) {
    return ctx.layout().validated(source, LocalDate.parse(day));
  }

  private static List<String> names(String folder) {
    File dir = folder.contains(":") ? new File(URI.create(folder)) : new File(folder);
    String[] names = dir.list();
    return names == null ? List.of() : Arrays.stream(names).sorted().toList();
  }

  private static List<LocalDate> days(String... days) {
    return Arrays.stream(days).map(LocalDate::parse).toList();
  }
}
