package com.comborec.generate;

import com.comborec.contract.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Plausible feedback of one day when no published recommendations are there to react to: users are
 * shown a few items (or a bundle) on one of the four surfaces and react by their taste.
 */
final class FeedbackFile {
  static final String[] HEADER = {
    "event_time", "user_id", "surface", "item_id", "bundle_id", "action"
  };
  private static final String[] SURFACES = {
    "recommendations", "frequently_bought_together", "similar_items"
  };

  private FeedbackFile() {}

  static Map<String, Long> write(World world, int day, long rows, CsvSink sink) {
    Rng rng = Rng.of(world.spec.seed(), Streams.FEEDBACK, day, 1);
    LocalDate date = world.date(day);
    int perReason = Faults.perReason(world.spec.malformedFraction(), rows);
    return PlantedWriter.write(
        sink,
        rows(world, day),
        rows,
        Faults.PLANTED.get(Source.FEEDBACK),
        perReason,
        rng,
        (good, reason, r) -> Faults.feedback(good, reason, date, r));
  }

  private static Iterator<String[]> rows(World world, int day) {
    Rng rng = Rng.of(world.spec.seed(), Streams.FEEDBACK, day);
    double[] leafCum = Sampling.cumulative(world.leafWeight);
    List<String[]> buffer = new ArrayList<>();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public String[] next() {
        while (next >= buffer.size()) {
          buffer.clear();
          next = 0;
          session(world, day, rng, leafCum, buffer);
        }
        return buffer.get(next++);
      }
    };
  }

  private static void session(World w, int day, Rng rng, double[] leafCum, List<String[]> out) {
    int user = w.people.drawActive(rng);
    if (w.people.signupDay(user) > day) {
      return;
    }
    People.Taste taste = w.people.taste(user, w.catalog.categories);
    int second = rng.nextInt(86_000);
    boolean bundle = rng.chance(0.15);
    int[] items = shown(w, day, rng, leafCum, bundle ? rng.between(2, 3) : rng.between(3, 6));
    if (bundle) {
      Reactions.bundle(
          w, rng, w.date(day), second, w.people.id(user), taste, bundleId(items), items, out);
    } else {
      String[] ids = Arrays.stream(items).mapToObj(i -> w.catalog.ids[i]).toArray(String[]::new);
      String surface = SURFACES[rng.nextInt(SURFACES.length)];
      Reactions.items(
          w, rng, w.date(day), second, w.people.id(user), taste, surface, ids, items, out);
    }
  }

  /** Distinct listed items from popularity-weighted leaves (disliked categories included). */
  private static int[] shown(World w, int day, Rng rng, double[] leafCum, int n) {
    int[] out = new int[n];
    for (int k = 0; k < n; k++) {
      int item;
      do {
        item = w.catalog.sampler.draw(rng.pick(leafCum), rng);
      } while (!w.catalog.listed(item, day) || contains(out, k, item));
      out[k] = item;
    }
    return out;
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int k = 0; k < n; k++) {
      if (a[k] == v) {
        return true;
      }
    }
    return false;
  }

  /** Stable: the same item set always gets the same id, whatever the order. */
  static String bundleId(int[] items) {
    long[] sorted = Arrays.stream(items).asLongStream().sorted().toArray();
    return "B" + Long.toHexString(Rng.hash(sorted));
  }
}
