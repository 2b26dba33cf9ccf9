package com.comborec.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The planted catalog, complementary sets and market curves, rendered for truth/. */
final class TruthTables {
  private TruthTables() {}

  /**
   * item_id, category, top_category, popularity_rank (0 = most popular), popularity, launch_date,
   * inactive, set_id.
   */
  static String items(World w) {
    Catalog c = w.catalog;
    StringBuilder sb = new StringBuilder(c.size * 80);
    Csv.appendRecord(
        sb,
        new String[] {
          "item_id",
          "category",
          "top_category",
          "popularity_rank",
          "popularity",
          "launch_date",
          "inactive",
          "set_id"
        });
    for (int i = 0; i < c.size; i++) {
      int set = w.combos.setOf[i];
      Csv.appendRecord(
          sb,
          new String[] {
            c.ids[i],
            c.categories.leafPath(c.leaf[i]),
            c.categories.top(c.top(i)),
            Integer.toString(c.popularityRank[i]),
            Double.toString(c.popularity[i]),
            w.date(Math.max(0, c.launchDay[i])).toString(),
            Boolean.toString(c.inactive[i]),
            set < 0 ? "" : Integer.toString(set)
          });
    }
    return sb.toString();
  }

  /** set_id, size, item_ids (space separated), top_category. */
  static String combos(World w) {
    StringBuilder sb = new StringBuilder();
    Csv.appendRecord(sb, new String[] {"set_id", "size", "item_ids", "top_category"});
    for (int s = 0; s < w.combos.sets.length; s++) {
      int[] set = w.combos.sets[s];
      StringBuilder ids = new StringBuilder();
      for (int item : set) {
        ids.append(ids.length() > 0 ? " " : "").append(w.catalog.ids[item]);
      }
      Csv.appendRecord(
          sb,
          new String[] {
            Integer.toString(s),
            Integer.toString(set.length),
            ids.toString(),
            w.catalog.categories.top(w.catalog.top(set[0]))
          });
    }
    return sb.toString();
  }

  /** Trend breaks and per-category curve parameters. */
  static Map<String, Object> market(World w) {
    Demand d = w.demand;
    Categories c = w.catalog.categories;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "formula",
        "demand(top, day) = level * (1 + weekly_amplitude * cos(2pi (dow - weekly_peak_dow) / 7)) *"
            + " (1 + seasonal_amplitude * cos(2pi (day_of_year - seasonal_peak_doy) / 365.25)) *"
            + " breaks; a break multiplies by factor^min(1, (day - break_day + 1) / "
            + Demand.RAMP_DAYS
            + ") from its day on;"
            + " market demand_index = demand * exp("
            + MarketFile.NOISE
            + " * N(0,1)); a leaf path row uses its"
            + " top's demand times leaf_level; dow 0 = Monday");
    List<Object> breaks = new ArrayList<>();
    for (Demand.Break b : d.breaks) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("category", c.top(b.top()));
      m.put("date", w.date(b.day()).toString());
      m.put("factor", b.factor());
      m.put("direction", b.factor() > 1 ? "rising" : "falling");
      m.put("ramp_days", Demand.RAMP_DAYS);
      breaks.add(m);
    }
    out.put("trend_breaks", breaks);
    out.put("categories", categoryParameters(w));
    out.put("leaf_path_rows", leafPaths(w));
    return out;
  }

  private static List<Object> categoryParameters(World w) {
    Demand d = w.demand;
    List<Object> out = new ArrayList<>();
    for (int t = 0; t < w.catalog.categories.topCount(); t++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("category", w.catalog.categories.top(t));
      m.put("level", d.level[t]);
      m.put("weekly_amplitude", d.weeklyAmplitude[t]);
      m.put("weekly_peak_dow", d.weeklyPeak[t]);
      m.put("seasonal_amplitude", d.seasonalAmplitude[t]);
      m.put("seasonal_peak_doy", d.seasonalPeakDoy[t]);
      out.add(m);
    }
    return out;
  }

  private static List<Object> leafPaths(World w) {
    Categories c = w.catalog.categories;
    List<Object> out = new ArrayList<>();
    for (int l = 0; l < c.leafCount(); l++) {
      if (c.hasPathMarket(l)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", c.leafPath(l));
        m.put("leaf_level", MarketFile.leafLevel(w.spec.seed(), l));
        out.add(m);
      }
    }
    return out;
  }
}
