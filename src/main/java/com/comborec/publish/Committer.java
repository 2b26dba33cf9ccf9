package com.comborec.publish;

import com.comborec.contract.Schemas;
import com.comborec.core.FaultPoint;
import com.comborec.core.RunContext;
import com.comborec.core.StagedTables;
import com.comborec.privacy.PrivacyResult;
import com.comborec.privacy.Retention;
import com.comborec.store.ParquetFooters;
import com.comborec.store.PublishSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;

/**
 * Moves staged tables into their public {@code <table>/dt=D} folders, one rename per table, after
 * checking each one's Parquet footers. Re-running a day replaces exactly that day's folders.
 */
public final class Committer {
  private Committer() {}

  /**
   * The publish step of a run: commits every staged table, then (only after a successful commit, so
   * a failed run deletes nothing) expires validated partitions past the retention, and records the
   * manifest's privacy section.
   */
  public static void publish(RunContext ctx) {
    commitAll(ctx);
    int expired = Retention.expireValidated(ctx).size();
    ctx.record(PrivacyResult.of(ctx, expired));
  }

  public static void commitAll(RunContext ctx) {
    ctx.reached(FaultPoint.BEFORE_COMMIT);
    List<StagedTables.Entry> entries = ctx.staged().entries();
    for (int i = 0; i < entries.size(); i++) {
      StagedTables.Entry e = entries.get(i);
      if (ctx.config().get(PublishSettings.SECTION).verifyFooters()) {
        verify(ctx, e);
      }
      commit(ctx, e);
      if (i == 0) {
        ctx.reached(FaultPoint.MID_COMMIT);
      }
    }
    ctx.fs().delete(ctx.layout().stagingRoot());
    String stagingParent =
        ctx.layout().stagingRoot().substring(0, ctx.layout().stagingRoot().lastIndexOf('/'));
    if (ctx.fs().list(stagingParent).isEmpty()) {
      ctx.fs().delete(stagingParent);
    }
  }

  /** The footers must hold the rows counted at staging and every contract column. */
  static void verify(RunContext ctx, StagedTables.Entry e) {
    String staged = ctx.layout().staged(e.relativePath());
    ParquetFooters.Summary s = ParquetFooters.read(ctx.fs().hadoop(), staged);
    List<String> missing = new ArrayList<>();
    for (StructField f : Schemas.TABLES.get(e.table()).fields()) {
      if (s.files() > 0 && !s.columns().contains(f.name())) {
        missing.add(f.name());
      }
    }
    if (s.rows() != e.rows() || !missing.isEmpty()) {
      throw new IllegalStateException(
          String.format(
              "staged %s failed its footer check: %d rows (expected %d), " + "missing columns %s",
              e.relativePath(), s.rows(), e.rows(), missing));
    }
  }

  private static void commit(RunContext ctx, StagedTables.Entry e) {
    String from = ctx.layout().staged(e.relativePath());
    String to = ctx.layout().output(e.relativePath());
    if (!ctx.fs().exists(from + "/_SUCCESS")) {
      ctx.fs().writeStringAtomically(from + "/_SUCCESS", "");
    }
    String parent = to.substring(0, to.lastIndexOf('/'));
    ctx.fs().mkdirs(parent);
    if (ctx.fs().exists(to)) {
      // Move the old day aside under a hidden name first, so the new one is never mixed with it.
      String aside =
          parent + "/_replaced-" + to.substring(to.lastIndexOf('/') + 1) + "-" + System.nanoTime();
      ctx.fs().rename(to, aside);
      ctx.fs().rename(from, to);
      ctx.fs().delete(aside);
    } else {
      ctx.fs().rename(from, to);
    }
  }
}
