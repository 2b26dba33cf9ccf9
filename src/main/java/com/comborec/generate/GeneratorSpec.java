package com.comborec.generate;

import com.comborec.core.ComborecException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the synthetic data generator writes: where, which days, how big and how dirty. Immutable and
 * validated on construction (exit 2 naming the field); start from {@link #defaults} and adjust with
 * the {@code withX} methods.
 *
 * @param output root folder or URI of the input set (contract layout); truth/ goes under it too
 * @param from first day (inclusive) of events, products, market and feedback
 * @param to last day (inclusive)
 * @param seed every random stream derives from it: same seed, same bytes
 * @param users user population (ids U0000000..); some sign up during the range
 * @param items catalog size (ids P000000..); a few launch during the range
 * @param events total events rows over all days, planted reject rows included
 * @param gzip write {@code .csv.gz} instead of {@code .csv}
 * @param malformedFraction share of rows per reject reason in each file (at least one row per
 *     applicable reason and file when above 0); 0 writes clean data
 * @param feedbackRoot an existing comborec output root whose {@code recommendations/dt=D-1} the
 *     feedback of day D reacts to; null or empty for plausible feedback without it
 * @param eventsPerFile rows per events file; fixes the file layout, so it is part of the output
 * @param parallelism Spark partitions for the file tasks; 0 = one per file (does not change bytes)
 * @param marketHistoryDays extra market days written before {@code from}, e.g. 393 so that a
 *     seasonal index (a year plus a long window back) exists from the first day
 * @param usersEveryDays a users snapshot on the first day and every this many days after
 * @param overwrite replace the generator's folders if the output already holds them
 */
public record GeneratorSpec(
    String output,
    LocalDate from,
    LocalDate to,
    long seed,
    int users,
    int items,
    long events,
    boolean gzip,
    double malformedFraction,
    String feedbackRoot,
    int eventsPerFile,
    int parallelism,
    int marketHistoryDays,
    int usersEveryDays,
    boolean overwrite)
    implements Serializable {

  /** Largest malformed fraction per reason: 8 event reasons at 2% already make 16% bad rows. */
  public static final double MAX_MALFORMED_FRACTION = 0.02;

  public GeneratorSpec {
    check(output != null && !output.isBlank(), "output", "must be set");
    check(from != null && to != null, "from/to", "must be set");
    check(!to.isBefore(from), "to", "must not be before from (%s), got %s", from, to);
    check(
        users >= 10 && users <= 100_000_000,
        "users",
        "must be between 10 and 100000000, got %d",
        users);
    check(items >= 50, "items", "must be >= 50, got %d", items);
    check(
        items <= 5_000_000,
        "items",
        "must be <= 5000000 (the catalog is held in memory), got %d",
        items);
    check(events >= 0, "events", "must be >= 0, got %d", events);
    check(
        malformedFraction >= 0 && malformedFraction <= MAX_MALFORMED_FRACTION,
        "malformed-fraction",
        "must be between 0 and %s, got %s",
        MAX_MALFORMED_FRACTION,
        malformedFraction);
    check(eventsPerFile >= 1_000, "events-per-file", "must be >= 1000, got %d", eventsPerFile);
    check(parallelism >= 0, "parallelism", "must be >= 0, got %d", parallelism);
    check(
        marketHistoryDays >= 0 && marketHistoryDays <= 3_660,
        "market-history-days",
        "must be between 0 and 3660, got %d",
        marketHistoryDays);
    check(usersEveryDays >= 1, "users-every-days", "must be >= 1, got %d", usersEveryDays);
    feedbackRoot = feedbackRoot == null || feedbackRoot.isBlank() ? null : feedbackRoot;
    check(
        events == 0 || events >= 100L * days(from, to),
        "events",
        "must be 0 or at least 100 per day (%d), got %d",
        100L * days(from, to),
        events);
  }

  /** Defaults: 10k users, 2k items, 1M events, seed 42, plain CSV, 0.1% bad rows per reason. */
  public static GeneratorSpec defaults(String output, LocalDate from, LocalDate to) {
    return new GeneratorSpec(
        output,
        from,
        to,
        42L,
        10_000,
        2_000,
        1_000_000L,
        false,
        0.001,
        null,
        500_000,
        0,
        0,
        7,
        false);
  }

  /** Number of days from {@code from} to {@code to}, both included. */
  public int days() {
    return days(from, to);
  }

  private static int days(LocalDate from, LocalDate to) {
    return from == null || to == null ? 1 : (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  public GeneratorSpec withSeed(long v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        v,
        users,
        items,
        events,
        gzip,
        malformedFraction,
        feedbackRoot,
        eventsPerFile,
        parallelism,
        marketHistoryDays,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withUsers(int v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        v,
        items,
        events,
        gzip,
        malformedFraction,
        feedbackRoot,
        eventsPerFile,
        parallelism,
        marketHistoryDays,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withItems(int v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        v,
        events,
        gzip,
        malformedFraction,
        feedbackRoot,
        eventsPerFile,
        parallelism,
        marketHistoryDays,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withEvents(long v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        items,
        v,
        gzip,
        malformedFraction,
        feedbackRoot,
        eventsPerFile,
        parallelism,
        marketHistoryDays,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withGzip(boolean v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        items,
        events,
        v,
        malformedFraction,
        feedbackRoot,
        eventsPerFile,
        parallelism,
        marketHistoryDays,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withMalformedFraction(double v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        items,
        events,
        gzip,
        v,
        feedbackRoot,
        eventsPerFile,
        parallelism,
        marketHistoryDays,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withFeedbackRoot(String v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        items,
        events,
        gzip,
        malformedFraction,
        v,
        eventsPerFile,
        parallelism,
        marketHistoryDays,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withEventsPerFile(int v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        items,
        events,
        gzip,
        malformedFraction,
        feedbackRoot,
        v,
        parallelism,
        marketHistoryDays,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withParallelism(int v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        items,
        events,
        gzip,
        malformedFraction,
        feedbackRoot,
        eventsPerFile,
        v,
        marketHistoryDays,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withMarketHistoryDays(int v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        items,
        events,
        gzip,
        malformedFraction,
        feedbackRoot,
        eventsPerFile,
        parallelism,
        v,
        usersEveryDays,
        overwrite);
  }

  public GeneratorSpec withUsersEveryDays(int v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        items,
        events,
        gzip,
        malformedFraction,
        feedbackRoot,
        eventsPerFile,
        parallelism,
        marketHistoryDays,
        v,
        overwrite);
  }

  public GeneratorSpec withOverwrite(boolean v) {
    return new GeneratorSpec(
        output,
        from,
        to,
        seed,
        users,
        items,
        events,
        gzip,
        malformedFraction,
        feedbackRoot,
        eventsPerFile,
        parallelism,
        marketHistoryDays,
        usersEveryDays,
        v);
  }

  private static void check(boolean ok, String field, String format, Object... args) {
    if (!ok) {
      throw ComborecException.usage("generator %s: %s", field, String.format(format, args));
    }
  }
}
