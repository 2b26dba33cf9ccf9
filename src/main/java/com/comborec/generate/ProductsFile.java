package com.comborec.generate;

import com.comborec.contract.RejectReason;
import com.comborec.contract.Source;
import java.util.Iterator;
import java.util.Map;

/**
 * The catalog snapshot of one day: every item listed by then, in id order, with that day's price
 * and stock. Bad rows carry fresh ids ("PJ...") so no event ever refers to a rejected product,
 * except duplicate_key rows, which repeat the item just written with another stock figure.
 */
final class ProductsFile {
  static final String[] HEADER = {
    "item_id", "title", "category", "brand", "price", "cost", "stock", "active"
  };

  private ProductsFile() {}

  static Map<String, Long> write(World world, int day, CsvSink sink) {
    Catalog c = world.catalog;
    long listed = 0;
    for (int i = 0; i < c.size; i++) {
      listed += c.listed(i, day) ? 1 : 0;
    }
    Rng rng = Rng.of(world.spec.seed(), Streams.PRODUCTS, day);
    int perReason = Faults.perReason(world.spec.malformedFraction(), listed);
    long[] junk = {0};
    return PlantedWriter.write(
        sink,
        rows(world, day, rng),
        listed,
        Faults.PLANTED.get(Source.PRODUCTS),
        perReason,
        rng,
        (good, reason, r) -> corrupt(good, reason, r, day, junk));
  }

  private static String[] corrupt(
      String[] good, RejectReason reason, Rng rng, int day, long[] junk) {
    String[] copy = good.clone();
    if (reason == RejectReason.DUPLICATE_KEY) {
      copy[6] = "7".equals(good[6]) ? "8" : "7";
      return copy;
    }
    copy[0] = "PJ" + (day + 1) + "-" + junk[0]++;
    return Faults.product(copy, reason, rng);
  }

  private static Iterator<String[]> rows(World world, int day, Rng rng) {
    Catalog c = world.catalog;
    return new Iterator<>() {
      private int i = 0;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public String[] next() {
        while (!c.listed(i, day)) {
          i++;
        }
        return row(c, i++, day, rng);
      }
    };
  }

  private static String[] row(Catalog c, int i, int day, Rng rng) {
    long cost = c.costCents(i);
    int stock = c.stock(i, day);
    return new String[] {
      c.ids[i],
      c.titles[i],
      c.categories.leafPath(c.leaf[i]),
      Titles.brand(c.brand[i]),
      Csv.cents(c.priceCents(i, day)),
      cost < 0 ? "" : Csv.cents(cost),
      stock < 0 ? "" : Integer.toString(stock),
      active(c.inactive[i], rng.nextDouble())
    };
  }

  /** active defaults to true when empty, and booleans are read case-insensitively. */
  private static String active(boolean inactive, double draw) {
    if (inactive) {
      return draw < 0.9 ? "false" : "FALSE";
    }
    return draw < 0.8 ? "true" : draw < 0.95 ? "" : "TRUE";
  }
}
