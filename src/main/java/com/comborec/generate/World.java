package com.comborec.generate;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Everything planted, built on the driver from the seed alone and broadcast to the file tasks:
 * catalog, demand curves, user population and complementary sets.
 */
final class World implements Serializable {
  private static final long serialVersionUID = 1L;

  final GeneratorSpec spec;
  final Catalog catalog;
  final Demand demand;
  final People people;
  final Combos combos;

  /** Global leaf weights (summed item popularity), for browsing outside a user's taste. */
  final double[] leafWeight;

  World(GeneratorSpec spec) {
    this.spec = spec;
    int days = spec.days();
    catalog = new Catalog(spec.seed(), spec.items(), days);
    demand =
        new Demand(
            spec.seed(),
            catalog.categories.topCount(),
            spec.from(),
            days,
            spec.marketHistoryDays());
    people = new People(spec.seed(), spec.users(), days);
    combos = new Combos(spec.seed(), catalog);
    leafWeight = new double[catalog.categories.leafCount()];
    for (int l = 0; l < leafWeight.length; l++) {
      leafWeight[l] = catalog.sampler.leafWeight(l);
    }
  }

  LocalDate date(int day) {
    return spec.from().plusDays(day);
  }

  /** Demand of an item's top category on a day. */
  double demandOf(int item, int day) {
    return demand.of(catalog.top(item), day);
  }
}
