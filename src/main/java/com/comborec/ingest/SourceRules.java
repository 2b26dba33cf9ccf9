package com.comborec.ingest;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.comborec.contract.RejectReason;
import com.comborec.contract.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * The contract's row rules per source (the cross-row rules, unknown_item and duplicate_key, live in
 * {@link CrossRowRules}), and the typed projection of the rows that pass them.
 */
final class SourceRules {
  static final List<String> SURFACES =
      List.of("recommendations", "bundles", "frequently_bought_together", "similar_items");
  static final List<String> ACTIONS =
      List.of("impression", "click", "add_to_cart", "purchase", "dismiss");

  /**
   * The rules and the typed columns (named as in the validated schema) for one source, and the
   * parsed values both read, which are computed first so that no row parses a value twice.
   */
  record Spec(Map<String, Column> parsed, RuleSet rules, List<Column> typed) {}

  /** Parsed values by the name of the column that holds them. */
  private static final class Parsed {
    private final Map<String, Column> columns = new LinkedHashMap<>();

    Column add(String column, Column expression) {
      String name = "_parsed_" + column;
      columns.put(name, expression);
      return col(name);
    }
  }

  private SourceRules() {}

  static Spec of(Source source, Set<String> eventTypes, int maxIdLength, int runYear) {
    switch (source) {
      case EVENTS:
        return events(eventTypes, maxIdLength);
      case PRODUCTS:
        return products(maxIdLength);
      case USERS:
        return users(maxIdLength, runYear);
      case MARKET:
        return market();
      default:
        return feedback(maxIdLength);
    }
  }

  static Spec events(Set<String> eventTypes, int maxId) {
    Parsed p = new Parsed();
    Column ts = p.add("event_time", Parse.timestamp(col("event_time")));
    Column qty = p.add("quantity", Parse.integer(col("quantity")));
    Column price = p.add("unit_price", Parse.decimal(col("unit_price")));
    RuleSet r =
        new RuleSet()
            .missing("event_time")
            .missing("item_id")
            .missing("event_type")
            .unparsable(
                "event_time",
                ts,
                RejectReason.BAD_TIMESTAMP,
                "an ISO-8601 or 'yyyy-MM-dd HH:mm:ss' timestamp")
            .unparsable("quantity", qty, RejectReason.BAD_NUMBER, "an integer")
            .unparsable("unit_price", price, RejectReason.BAD_NUMBER, "a number")
            .idLength("item_id", maxId)
            .idLength("user_id", maxId)
            .idLength("order_id", maxId)
            .outOfRange("quantity", qty.lt(1), "is below 1")
            .outOfRange("unit_price", price.lt(0), "is negative")
            .add(
                lower(col("event_type")).isin(eventTypes.toArray()).unary_$bang(),
                RejectReason.UNKNOWN_EVENT_TYPE,
                concat(
                    lit("event_type: '"),
                    col("event_type"),
                    lit("' is not one of " + new java.util.TreeSet<>(eventTypes))))
            .add(
                to_date(ts).gt(to_date(col(RawReader.DT))),
                RejectReason.FUTURE_EVENT,
                concat(
                    lit("event_time: '"),
                    col("event_time"),
                    lit("' is after the end of day "),
                    col(RawReader.DT)));
    return new Spec(
        p.columns,
        r,
        List.of(
            ts.as("event_time"),
            col("user_id"),
            col("item_id"),
            lower(col("event_type")).as("event_type"),
            coalesce(qty, lit(1)).as("quantity"),
            price.as("unit_price"),
            col("order_id")));
  }

  static Spec products(int maxId) {
    Parsed p = new Parsed();
    Column price = p.add("price", Parse.decimal(col("price")));
    Column cost = p.add("cost", Parse.decimal(col("cost")));
    Column stock = p.add("stock", Parse.integer(col("stock")));
    Column active = p.add("active", Parse.bool(col("active")));
    RuleSet r =
        new RuleSet()
            .missing("item_id")
            .missing("price")
            .unparsable("price", price, RejectReason.BAD_NUMBER, "a number")
            .unparsable("cost", cost, RejectReason.BAD_NUMBER, "a number")
            .unparsable("stock", stock, RejectReason.BAD_NUMBER, "an integer")
            .unparsable(
                "active", active, RejectReason.BAD_BOOLEAN, "a boolean (true/false, yes/no, 1/0)")
            .idLength("item_id", maxId)
            .outOfRange("price", price.leq(0), "is not above 0")
            .outOfRange("cost", cost.lt(0), "is negative")
            .outOfRange("stock", stock.lt(0), "is negative");
    return new Spec(
        p.columns,
        r,
        List.of(
            col("item_id"),
            col("title"),
            categoryPath(col("category")).as("category"),
            col("brand"),
            price.as("price"),
            cost.as("cost"),
            stock.as("stock"),
            coalesce(active, lit(true)).as("active")));
  }

  static Spec users(int maxId, int runYear) {
    Parsed p = new Parsed();
    Column birth = p.add("birth_year", Parse.integer(col("birth_year")));
    Column signup = p.add("signup_date", Parse.date(col("signup_date")));
    RuleSet r =
        new RuleSet()
            .missing("user_id")
            .unparsable("birth_year", birth, RejectReason.BAD_NUMBER, "an integer")
            .unparsable("signup_date", signup, RejectReason.BAD_TIMESTAMP, "a yyyy-MM-dd date")
            .idLength("user_id", maxId)
            .outOfRange(
                "birth_year",
                birth.lt(1900).or(birth.gt(runYear)),
                "is not within 1900.." + runYear);
    return new Spec(
        p.columns,
        r,
        List.of(
            col("user_id"),
            birth.as("birth_year"),
            lower(col("gender")).as("gender"),
            col("region"),
            signup.as("signup_date")));
  }

  static Spec market() {
    Parsed p = new Parsed();
    Column date = p.add("date", Parse.date(col("date")));
    Column demand = p.add("demand_index", Parse.decimal(col("demand_index")));
    Column priceIndex = p.add("price_index", Parse.decimal(col("price_index")));
    RuleSet r =
        new RuleSet()
            .missing("date")
            .missing("category")
            .missing("demand_index")
            .unparsable("date", date, RejectReason.BAD_TIMESTAMP, "a yyyy-MM-dd date")
            .unparsable("demand_index", demand, RejectReason.BAD_NUMBER, "a number")
            .unparsable("price_index", priceIndex, RejectReason.BAD_NUMBER, "a number")
            .outOfRange("demand_index", demand.leq(0), "is not above 0")
            .outOfRange("price_index", priceIndex.leq(0), "is not above 0");
    return new Spec(
        p.columns,
        r,
        List.of(
            date.as("date"),
            categoryPath(col("category")).as("category"),
            demand.as("demand_index"),
            priceIndex.as("price_index")));
  }

  static Spec feedback(int maxId) {
    Parsed p = new Parsed();
    Column ts = p.add("event_time", Parse.timestamp(col("event_time")));
    RuleSet r =
        new RuleSet()
            .missing("event_time")
            .missing("user_id")
            .missing("surface")
            .missing("action")
            .add(
                col("item_id").isNull().and(col("bundle_id").isNull()),
                RejectReason.MISSING_REQUIRED,
                lit("item_id, bundle_id: one of them is required"))
            .unparsable(
                "event_time",
                ts,
                RejectReason.BAD_TIMESTAMP,
                "an ISO-8601 or 'yyyy-MM-dd HH:mm:ss' timestamp")
            .idLength("user_id", maxId)
            .idLength("item_id", maxId)
            .idLength("bundle_id", maxId)
            .outOfRange(
                "surface",
                lower(col("surface")).isin(SURFACES.toArray()).unary_$bang(),
                "is not one of " + SURFACES)
            .outOfRange(
                "action",
                lower(col("action")).isin(ACTIONS.toArray()).unary_$bang(),
                "is not one of " + ACTIONS)
            .add(
                to_date(ts).gt(to_date(col(RawReader.DT))),
                RejectReason.FUTURE_EVENT,
                concat(
                    lit("event_time: '"),
                    col("event_time"),
                    lit("' is after the end of day "),
                    col(RawReader.DT)));
    return new Spec(
        p.columns,
        r,
        List.of(
            ts.as("event_time"),
            col("user_id"),
            lower(col("surface")).as("surface"),
            col("item_id"),
            col("bundle_id"),
            lower(col("action")).as("action")));
  }

  /** 'A>B > C' becomes 'A > B > C'; empty becomes 'uncategorized', as the contract says. */
  static Column categoryPath(Column raw) {
    Column joined = array_join(transform(split(raw, ">"), p -> trim(p)), " > ");
    return when(raw.isNull(), lit("uncategorized")).otherwise(joined);
  }
}
