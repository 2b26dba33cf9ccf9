package com.comborec.generate;

import com.comborec.contract.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The fixed list of files to write. Events are shared among days by the day's mean category demand
 * (so volume follows the weekly cycle and the season), then cut into files of at most {@code
 * eventsPerFile} rows; the day's planted bad rows are shared among its files.
 */
final class Plan {
  /** Plausible feedback rows per day, as a share of the day's events. */
  static final double FEEDBACK_SHARE = 0.05;

  final long[] eventsPerDay;
  final List<FileTask> tasks = new ArrayList<>();

  Plan(World world, Set<Integer> reactionDays) {
    GeneratorSpec spec = world.spec;
    int days = spec.days();
    double[] weight = new double[days];
    for (int d = 0; d < days; d++) {
      weight[d] = world.demand.mean(d);
    }
    eventsPerDay = Sampling.apportion(spec.events(), weight);
    for (int d = 0; d < days; d++) {
      addEvents(spec, d, eventsPerDay[d]);
      tasks.add(new FileTask(FileTask.Kind.PRODUCTS, d, 0, 0, 0));
      if (d % spec.usersEveryDays() == 0) {
        tasks.add(new FileTask(FileTask.Kind.USERS, d, 0, 0, 0));
      }
      if (!reactionDays.contains(d)) {
        tasks.add(new FileTask(FileTask.Kind.FEEDBACK, d, 0, feedbackRows(d), 0));
      }
    }
    for (int d = -spec.marketHistoryDays(); d < days; d++) {
      tasks.add(new FileTask(FileTask.Kind.MARKET, d, 0, 0, 0));
    }
    for (int c = 0; (long) c * FileTask.TASTES_PER_FILE < spec.users(); c++) {
      tasks.add(new FileTask(FileTask.Kind.TASTES, 0, c, FileTask.TASTES_PER_FILE, 0));
    }
    // Longest first, so the last task to finish is a short one (ties keep the plan's order).
    tasks.sort(Comparator.comparingLong((FileTask t) -> -t.cost(world)));
  }

  private void addEvents(GeneratorSpec spec, int day, long rows) {
    if (rows == 0) {
      return;
    }
    int files = (int) ((rows + spec.eventsPerFile() - 1) / spec.eventsPerFile());
    int perReason = EventsFile.perReasonOfDay(spec, rows);
    int reasons = Faults.PLANTED.get(Source.EVENTS).size();
    long[] chunkRows = Sampling.apportion(rows, uniform(files));
    for (int c = 0; c < files; c++) {
      int bad = perReason / files + (c < perReason % files ? 1 : 0);
      if ((long) bad * reasons >= chunkRows[c]) {
        throw new IllegalStateException(
            "events file too small for its planted rows: day " + day + " file " + c);
      }
      tasks.add(new FileTask(FileTask.Kind.EVENTS, day, c, chunkRows[c], bad));
    }
  }

  private static double[] uniform(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }

  long feedbackRows(int day) {
    return Math.max(20, Math.round(eventsPerDay[day] * FEEDBACK_SHARE));
  }
}
