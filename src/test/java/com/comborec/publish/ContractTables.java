package com.comborec.publish;

import com.comborec.DuckDb;
import java.nio.file.Path;

/**
 * SQL checks of the published tables of one day, through DuckDB. Each returns the number of rows
 * breaking a rule, so a test can assert zero and print the rule's name.
 */
final class ContractTables {
  private final DuckDb db;
  private final Path out;
  private final String day;

  ContractTables(DuckDb db, Path out, String day) {
    this.db = db;
    this.out = out;
    this.day = day;
  }

  String table(String name) {
    return "read_parquet('" + out + "/" + name + "/dt=" + day + "/*.parquet')";
  }

  /** The catalog snapshot in force, from the validated work store. */
  String products() {
    return "read_parquet('" + out + "/_work/validated/products/dt=2011-07-01/*.parquet')";
  }

  /** Items a list may never show: inactive or out of stock. */
  String unsellable() {
    return "(SELECT item_id FROM " + products() + " WHERE active = false OR stock = 0)";
  }

  long count(String sql) {
    return db.count(sql);
  }

  /** Keys whose ranks are not exactly 1..n. */
  long badRanks(String ranked, String key) {
    return count(
        "SELECT count(*) FROM (SELECT "
            + key
            + " FROM "
            + ranked
            + " GROUP BY "
            + key
            + " HAVING min(rank) <> 1 OR max(rank) <> count(*) OR count(DISTINCT rank) <>"
            + " count(*))");
  }

  String companions() {
    return "(SELECT item_id AS key, c.rank AS rank, c.item_id AS other, c.confidence, c.lift,"
        + " c.baskets FROM (SELECT item_id, unnest(companions) AS c FROM "
        + table("frequently_bought_together")
        + "))";
  }

  String neighbors() {
    return "(SELECT item_id AS key, n.rank AS rank, n.item_id AS other, n.similarity FROM "
        + "(SELECT item_id, unnest(neighbors) AS n FROM "
        + table("similar_items")
        + "))";
  }

  String bundleItems() {
    return "(SELECT segment_id, rank, bundle_id, list_price, bundle_price, discount_rate,"
        + " b.item_id, b.price FROM (SELECT *, unnest(items) AS b FROM "
        + table("bundles")
        + "))";
  }

  String recommendationItems() {
    return "(SELECT user_id AS key, strategy, r.rank AS rank, r.item_id, r.reason,"
        + " r.because_item_id, r.score FROM (SELECT user_id, strategy, unnest(items) AS r"
        + " FROM "
        + table("recommendations")
        + "))";
  }
}
