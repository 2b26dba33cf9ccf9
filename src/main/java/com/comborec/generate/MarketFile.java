package com.comborec.generate;

import com.comborec.contract.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Market rows of one day: every top category, and the full path of every fourth leaf. The demand
 * index is the planted demand curve with 3% log-normal noise (a leaf path scales its top's curve by
 * a fixed level); the price index drifts around 1.0. Bad rows are copies of good rows with one
 * fault.
 */
final class MarketFile {
  static final String[] HEADER = {"date", "category", "demand_index", "price_index"};
  static final double NOISE = 0.03;

  private MarketFile() {}

  static Map<String, Long> write(World world, int day, CsvSink sink) {
    List<String[]> rows = rows(world, day);
    Rng rng = Rng.of(world.spec.seed(), Streams.MARKET, day, 1);
    int perReason = Faults.perReason(world.spec.malformedFraction(), rows.size());
    return PlantedWriter.write(
        sink,
        rows.iterator(),
        rows.size(),
        Faults.PLANTED.get(Source.MARKET),
        perReason,
        rng,
        (good, reason, r) -> Faults.market(good, reason, r));
  }

  static List<String[]> rows(World world, int day) {
    Categories c = world.catalog.categories;
    Rng rng = Rng.of(world.spec.seed(), Streams.MARKET, day);
    String date = world.date(day).toString();
    List<String[]> out = new ArrayList<>();
    for (int t = 0; t < c.topCount(); t++) {
      out.add(row(date, c.top(t), world.demand.of(t, day), t, day, rng));
    }
    for (int l = 0; l < c.leafCount(); l++) {
      if (c.hasPathMarket(l)) {
        double demand = world.demand.of(c.topOf(l), day) * leafLevel(world.spec.seed(), l);
        out.add(row(date, c.leafPath(l), demand, c.topOf(l), day, rng));
      }
    }
    return out;
  }

  /** A leaf path's demand relative to its top category: a fixed level in [0.8, 1.2). */
  static double leafLevel(long seed, int leaf) {
    return 0.8 + 0.4 * Rng.unit(seed, Streams.MARKET, leaf, -1);
  }

  private static String[] row(
      String date, String category, double demand, int top, int day, Rng rng) {
    double observed = demand * Math.exp(NOISE * rng.gaussian());
    double price = 1 + 0.04 * Math.sin(2 * Math.PI * day / 30.0 + top) + 0.01 * rng.gaussian();
    // price_index is optional: 3% of rows leave it empty.
    String priceText = rng.chance(0.03) ? "" : Csv.fixed4(price);
    return new String[] {date, category, Csv.fixed4(observed), priceText};
  }
}
