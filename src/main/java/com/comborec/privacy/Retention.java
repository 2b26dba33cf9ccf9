package com.comborec.privacy;

import com.comborec.contract.Source;
import com.comborec.core.OutputLayout;
import com.comborec.core.RunContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data retention in the work store ({@code comborec.privacy.retention-days}). A validated partition
 * is expired when its day is at least retention-days before the run day, so the kept days are the
 * retention-days ending on the run day (a superset of the look-back window).
 *
 * <p>Expiring deletes the partition's data files but keeps its folder with {@code _counts.json}
 * (row counts only, no personal data) and an {@code _expired} note: ingest's catch-up treats a day
 * with a validated folder as done, so a deleted folder would be re-ingested from the input root the
 * next night, and the volume gate keeps its history. The newest snapshot (products, users) on or
 * before the run day is in force and never expired; nor is any day after the run day.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  public static final String MARKER = "_expired";
  public static final String COUNTS = "_counts.json";

  private Retention() {}

  /** Expires old validated partitions of every source; returns the folders expired by this call. */
  public static List<String> expireValidated(RunContext ctx) {
    PrivacySettings p = ctx.config().get(PrivacySettings.SECTION);
    List<String> expired = new ArrayList<>();
    if (!p.retentionOn()) {
      return expired;
    }
    for (Source source : Source.values()) {
      for (LocalDate day :
          expiredDays(days(ctx, source), ctx.runDate(), p.retentionDays(), source.snapshot())) {
        String folder = ctx.layout().validated(source.folder(), day);
        if (!ctx.fs().exists(folder + "/" + MARKER)) {
          expire(ctx, folder, p.retentionDays());
          expired.add(folder);
        }
      }
    }
    LOG.info(
        "[privacy] retention {} days: expired {} validated partition(s)",
        p.retentionDays(),
        expired.size());
    return expired;
  }

  /**
   * Deletes whole {@code <work>/<name>/dt=X} folders of per-run intermediates older than the
   * retention (e.g. "segments", "interactions", which hold user ids); nothing reads old ones.
   */
  public static List<String> expireWork(RunContext ctx, List<String> names) {
    PrivacySettings p = ctx.config().get(PrivacySettings.SECTION);
    List<String> deleted = new ArrayList<>();
    if (!p.retentionOn()) {
      return deleted;
    }
    for (String name : names) {
      String root = ctx.layout().workRoot(name);
      for (LocalDate day :
          expiredDays(dayFolders(ctx, root), ctx.runDate(), p.retentionDays(), false)) {
        String folder = root + "/" + OutputLayout.dt(day);
        ctx.fs().delete(folder);
        deleted.add(folder);
      }
    }
    return deleted;
  }

  /**
   * The days to expire: those on or before run day - retentionDays; for a snapshot source, minus
   * the newest day on or before the run day (the snapshot in force).
   */
  public static List<LocalDate> expiredDays(
      List<LocalDate> days, LocalDate runDate, int retentionDays, boolean snapshot) {
    LocalDate horizon = runDate.minusDays(retentionDays);
    LocalDate inForce = null;
    for (LocalDate d : days) {
      if (!d.isAfter(runDate) && (inForce == null || d.isAfter(inForce))) {
        inForce = d;
      }
    }
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d : days) {
      if (!d.isAfter(horizon) && !(snapshot && d.equals(inForce))) {
        out.add(d);
      }
    }
    return out;
  }

  private static void expire(RunContext ctx, String folder, int retentionDays) {
    for (FileStatus f : ctx.fs().list(folder)) {
      String name = f.getPath().getName();
      // The counts and their Hadoop checksum stay; every data file goes.
      if (!name.equals(COUNTS) && !name.equals("." + COUNTS + ".crc")) {
        ctx.fs().delete(f.getPath().toString());
      }
    }
    ctx.fs()
        .writeStringAtomically(
            folder + "/" + MARKER,
            String.format(
                "data deleted by the run of %s: older than comborec.privacy.retention-days = %d%n",
                ctx.runDate(), retentionDays));
  }

  private static List<LocalDate> days(RunContext ctx, Source source) {
    return dayFolders(ctx, ctx.layout().validatedRoot(source.folder()));
  }

  private static List<LocalDate> dayFolders(RunContext ctx, String root) {
    List<LocalDate> days = new ArrayList<>();
    for (FileStatus s : ctx.fs().list(root)) {
      String name = s.getPath().getName();
      if (s.isDirectory() && name.startsWith("dt=")) {
        try {
          days.add(LocalDate.parse(name.substring(3)));
        } catch (java.time.format.DateTimeParseException e) {
          // Not a day folder of ours; leave it alone.
        }
      }
    }
    return days;
  }
}
