package com.comborec.model;

import static com.comborec.features.TestEvents.event;

import com.comborec.TestConfig;
import com.comborec.core.ComboConfig;
import com.comborec.core.RunContext;
import com.comborec.features.TestEvents;
import com.comborec.model.evaluation.EarlierWork;
import com.comborec.model.evaluation.Protocol;
import com.comborec.model.evaluation.RollingEvaluation;
import com.comborec.store.WorkDataset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A small seeded shop for stage tests: 40 users in two taste groups (users 0-19 mostly use items
 * 0-7, users 20-39 items 8-15), 59 days of views and purchases up to the run day, some guests.
 */
final class SyntheticShop {
  static final LocalDate RUN_DAY = LocalDate.parse("2026-03-31");
  static final LocalDate FIRST_DAY = LocalDate.parse("2026-02-01");

  private SyntheticShop() {}

  /**
   * Settings sized for the shop: 60 days of look-back, two inner cutoffs 7 days apart (03-24 and
   * 03-17: the cutoff grid is anchored on the run day) with 14 days of history each, K = 5, one
   * blend; {@code overrides} win.
   */
  static ComboConfig config(Path dir, String output, String... overrides) {
    ComboConfig base =
        TestConfig.defaults()
            .with(
                "input=" + dir.resolve("in"),
                "output=" + dir.resolve(output),
                "work=" + dir.resolve("work"),
                "lookback-days=60",
                "model.eval.k=5",
                "model.eval.cutoffs=2",
                "model.eval.forward-days=7",
                "model.eval.cutoff-anchor=" + RUN_DAY,
                "model.eval.min-history-days=14",
                "model.ranker.depth=10",
                "model.blend.weights=[0.5]");
    return base.with(overrides);
  }

  /**
   * A rolling evaluation of the shop's validated events, built as the model stage builds it on the
   * run day: its history window, snapshots and {@code store}.
   */
  static RollingEvaluation evaluation(RunContext ctx, Protocol protocol, EarlierWork store) {
    return new RollingEvaluation(
        ModelStage.history(ctx, protocol), protocol, ModelStage.snapshots(ctx), RUN_DAY, store);
  }

  static Dataset<Row> events(SparkSession spark) {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (LocalDate day = FIRST_DAY; !day.isAfter(RUN_DAY); day = day.plusDays(1)) {
      for (int u = 0; u < 40; u++) {
        if (random.nextDouble() < 0.2) {
          int group = u < 20 ? 0 : 8;
          int item = random.nextDouble() < 0.9 ? group + random.nextInt(8) : random.nextInt(16);
          String user = String.format("u%02d", u);
          String time = day + "T" + String.format("%02d", 8 + random.nextInt(12)) + ":00:00Z";
          rows.add(event(time, user, "i" + item, "view", null));
          if (random.nextDouble() < 0.5) {
            rows.add(
                event(
                    time.replace(":00:00Z", ":30:00Z"),
                    user,
                    "i" + item,
                    "purchase",
                    1 + random.nextInt(2)));
          }
        }
      }
      rows.add(event(day + "T12:00:00Z", null, "i" + random.nextInt(16), "purchase", 1));
    }
    return TestEvents.of(spark, rows);
  }

  /** Writes the events as the ingest stage leaves them: validated/events/dt=D/ per day. */
  static void writeValidated(RunContext ctx) {
    events(ctx.spark())
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("dt")
        .parquet(ctx.layout().validatedRoot("events"));
  }

  /** Segments as the segment stage leaves them: the two taste groups. */
  static void writeSegments(RunContext ctx) {
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < 40; u++) {
      rows.add(RowFactory.create(String.format("u%02d", u), u < 20 ? 0 : 1));
    }
    ctx.spark()
        .createDataFrame(
            rows,
            new StructType()
                .add("user_id", DataTypes.StringType)
                .add("segment_id", DataTypes.IntegerType))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(ctx.layout().work(WorkDataset.SEGMENTS.folder()));
  }
}
