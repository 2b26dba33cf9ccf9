package com.comborec.contract;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Every schema of the data contract in one place: the input columns with their rules' types, the
 * validated forms later stages read, and the published tables. Nothing is ever inferred.
 */
public final class Schemas {
  private Schemas() {}

  // ---- inputs: contract columns (required flag as in the contract) ----

  public static final List<InputColumn> EVENTS_COLUMNS =
      List.of(
          new InputColumn("event_time", TimestampType, true),
          new InputColumn("user_id", StringType, false),
          new InputColumn("item_id", StringType, true),
          new InputColumn("event_type", StringType, true),
          new InputColumn("quantity", IntegerType, false),
          new InputColumn("unit_price", DoubleType, false),
          new InputColumn("order_id", StringType, false));

  public static final List<InputColumn> PRODUCTS_COLUMNS =
      List.of(
          new InputColumn("item_id", StringType, true),
          new InputColumn("title", StringType, false),
          new InputColumn("category", StringType, false),
          new InputColumn("brand", StringType, false),
          new InputColumn("price", DoubleType, true),
          new InputColumn("cost", DoubleType, false),
          new InputColumn("stock", IntegerType, false),
          new InputColumn("active", BooleanType, false));

  public static final List<InputColumn> USERS_COLUMNS =
      List.of(
          new InputColumn("user_id", StringType, true),
          new InputColumn("birth_year", IntegerType, false),
          new InputColumn("gender", StringType, false),
          new InputColumn("region", StringType, false),
          new InputColumn("signup_date", DateType, false));

  public static final List<InputColumn> MARKET_COLUMNS =
      List.of(
          new InputColumn("date", DateType, true),
          new InputColumn("category", StringType, true),
          new InputColumn("demand_index", DoubleType, true),
          new InputColumn("price_index", DoubleType, false));

  /** item_id and bundle_id are each optional, but one of them is required (checked per row). */
  public static final List<InputColumn> FEEDBACK_COLUMNS =
      List.of(
          new InputColumn("event_time", TimestampType, true),
          new InputColumn("user_id", StringType, true),
          new InputColumn("surface", StringType, true),
          new InputColumn("item_id", StringType, false),
          new InputColumn("bundle_id", StringType, false),
          new InputColumn("action", StringType, true));

  public static final Map<Source, List<InputColumn>> INPUT_COLUMNS =
      Map.of(
          Source.EVENTS, EVENTS_COLUMNS,
          Source.PRODUCTS, PRODUCTS_COLUMNS,
          Source.USERS, USERS_COLUMNS,
          Source.MARKET, MARKET_COLUMNS,
          Source.FEEDBACK, FEEDBACK_COLUMNS);

  /** The validated (typed) schema of a source, as stored in the work store. */
  public static StructType validated(Source source) {
    StructType out = new StructType();
    for (InputColumn c : INPUT_COLUMNS.get(source)) {
      out = out.add(c.name(), c.type(), true);
    }
    return out;
  }

  // ---- outputs ----

  public static final StructType REJECTS =
      new StructType()
          .add("source", StringType, false)
          .add("file", StringType, false)
          .add("line", StringType, true)
          .add("reason", StringType, false)
          .add("detail", StringType, true)
          // Not in the contract's minimum: the 1-based record number in the file, header excluded,
          .add("record", LongType, true)
          // and the physical line the record starts on (the header is line 1), as an editor shows.
          .add("first_line", LongType, true);

  public static final StructType RECOMMENDATION_ITEM =
      new StructType()
          .add("rank", IntegerType, false)
          .add("item_id", StringType, false)
          .add("score", DoubleType, false)
          .add("reason", StringType, false)
          .add("because_item_id", StringType, true);

  public static final StructType RECOMMENDATIONS =
      new StructType()
          .add("user_id", StringType, false)
          .add("segment_id", IntegerType, false)
          .add("strategy", StringType, false)
          .add("items", DataTypes.createArrayType(RECOMMENDATION_ITEM, false), false)
          .add("model_version", StringType, false);

  public static final StructType COMPANION =
      new StructType()
          .add("rank", IntegerType, false)
          .add("item_id", StringType, false)
          .add("baskets", LongType, false)
          .add("confidence", DoubleType, false)
          .add("lift", DoubleType, false);

  public static final StructType FREQUENTLY_BOUGHT_TOGETHER =
      new StructType()
          .add("item_id", StringType, false)
          .add("companions", DataTypes.createArrayType(COMPANION, false), false);

  public static final StructType NEIGHBOR =
      new StructType()
          .add("rank", IntegerType, false)
          .add("item_id", StringType, false)
          .add("similarity", DoubleType, false);

  public static final StructType SIMILAR_ITEMS =
      new StructType()
          .add("item_id", StringType, false)
          .add("neighbors", DataTypes.createArrayType(NEIGHBOR, false), false);

  public static final StructType SEGMENTS =
      new StructType().add("user_id", StringType, false).add("segment_id", IntegerType, false);

  public static final StructType SEGMENT_PROFILES =
      new StructType()
          .add("segment_id", IntegerType, false)
          .add("users", LongType, false)
          .add("label", StringType, false)
          .add("features", new MapType(StringType, DoubleType, false), false);

  public static final StructType BUNDLE_ITEM =
      new StructType()
          .add("item_id", StringType, false)
          .add("title", StringType, true)
          .add("category", StringType, true)
          .add("price", DoubleType, false);

  public static final StructType BUNDLES =
      new StructType()
          .add("segment_id", IntegerType, false)
          .add("rank", IntegerType, false)
          .add("bundle_id", StringType, false)
          .add("items", DataTypes.createArrayType(BUNDLE_ITEM, false), false)
          .add("list_price", DoubleType, false)
          .add("bundle_price", DoubleType, false)
          .add("discount_rate", DoubleType, false)
          .add("expected_margin", DoubleType, false)
          .add("affinity", DoubleType, false)
          .add("objective", DoubleType, false)
          .add("solver_status", StringType, false);

  /** The published tables (besides rejects) and their minimum schemas. */
  public static final Map<String, StructType> TABLES =
      Map.of(
          "recommendations", RECOMMENDATIONS,
          "frequently_bought_together", FREQUENTLY_BOUGHT_TOGETHER,
          "similar_items", SIMILAR_ITEMS,
          "segments", SEGMENTS,
          "segment_profiles", SEGMENT_PROFILES,
          "bundles", BUNDLES,
          "rejects", REJECTS);

  /**
   * The columns of {@code expected} that {@code actual} lacks or types differently, by name
   * (nullability ignored; extra columns allowed). Empty means compatible.
   */
  public static List<String> mismatches(StructType expected, StructType actual) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (StructField f : expected.fields()) {
      int idx = actual.getFieldIndex(f.name()).getOrElse(() -> -1);
      if (idx < 0) {
        out.add(f.name() + " (missing)");
      } else if (!sameShape(f.dataType(), actual.fields()[idx].dataType())) {
        out.add(
            f.name()
                + " (expected "
                + f.dataType().simpleString()
                + ", got "
                + actual.fields()[idx].dataType().simpleString()
                + ")");
      }
    }
    return out;
  }

  private static boolean sameShape(
      org.apache.spark.sql.types.DataType a, org.apache.spark.sql.types.DataType b) {
    if (a instanceof StructType sa && b instanceof StructType sb) {
      return mismatches(sa, sb).isEmpty();
    }
    if (a instanceof ArrayType aa && b instanceof ArrayType ab) {
      return sameShape(aa.elementType(), ab.elementType());
    }
    if (a instanceof MapType ma && b instanceof MapType mb) {
      return sameShape(ma.keyType(), mb.keyType()) && sameShape(ma.valueType(), mb.valueType());
    }
    return a.equals(b);
  }
}
