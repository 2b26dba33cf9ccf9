package com.comborec.publish;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract's output tables as a downstream reader sees them: column name to DuckDB type,
 * written out by hand from the contract's tables (not derived from {@code Schemas}, so a drift in
 * the code fails the test). Every type is a standard Parquet one: VARCHAR (string), INTEGER
 * (int32), BIGINT (int64), DOUBLE, DATE, lists, structs and maps of those. {@code dt} is the hive
 * partition column.
 */
final class DownstreamTypes {
  private DownstreamTypes() {}

  static Map<String, Map<String, String>> tables() {
    Map<String, Map<String, String>> t = new LinkedHashMap<>();
    t.put(
        "recommendations",
        columns(
            "user_id", "VARCHAR",
            "segment_id", "INTEGER",
            "strategy", "VARCHAR",
            "items",
                "STRUCT(rank INTEGER, item_id VARCHAR, score DOUBLE, reason VARCHAR,"
                    + " because_item_id VARCHAR)[]",
            "model_version", "VARCHAR"));
    t.put(
        "frequently_bought_together",
        columns(
            "item_id",
            "VARCHAR",
            "companions",
            "STRUCT(rank INTEGER, item_id VARCHAR, baskets BIGINT, confidence DOUBLE, lift"
                + " DOUBLE)[]"));
    t.put(
        "similar_items",
        columns(
            "item_id", "VARCHAR",
            "neighbors", "STRUCT(rank INTEGER, item_id VARCHAR, similarity DOUBLE)[]"));
    t.put(
        "segments",
        columns(
            "user_id", "VARCHAR",
            "segment_id", "INTEGER"));
    t.put(
        "segment_profiles",
        columns(
            "segment_id", "INTEGER",
            "users", "BIGINT",
            "label", "VARCHAR",
            "features", "MAP(VARCHAR, DOUBLE)"));
    t.put(
        "bundles",
        columns(
            "segment_id", "INTEGER",
            "rank", "INTEGER",
            "bundle_id", "VARCHAR",
            "items", "STRUCT(item_id VARCHAR, title VARCHAR, category VARCHAR, price DOUBLE)[]",
            "list_price", "DOUBLE",
            "bundle_price", "DOUBLE",
            "discount_rate", "DOUBLE",
            "expected_margin", "DOUBLE",
            "affinity", "DOUBLE",
            "objective", "DOUBLE",
            "solver_status", "VARCHAR"));
    return t;
  }

  /**
   * rejects/&lt;source&gt;/dt=...: the contract's five columns, then our 1-based record number and
   * the physical line the record starts on.
   */
  static Map<String, String> rejects() {
    return columns(
        "source", "VARCHAR",
        "file", "VARCHAR",
        "line", "VARCHAR",
        "reason", "VARCHAR",
        "detail", "VARCHAR",
        "record", "BIGINT",
        "first_line", "BIGINT");
  }

  private static Map<String, String> columns(String... nameType) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < nameType.length; i += 2) {
      out.put(nameType[i], nameType[i + 1]);
    }
    out.put("dt", "DATE");
    return out;
  }
}
