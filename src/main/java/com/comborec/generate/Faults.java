package com.comborec.generate;

import static com.comborec.contract.RejectReason.BAD_BOOLEAN;
import static com.comborec.contract.RejectReason.BAD_NUMBER;
import static com.comborec.contract.RejectReason.BAD_TIMESTAMP;
import static com.comborec.contract.RejectReason.DUPLICATE_KEY;
import static com.comborec.contract.RejectReason.FUTURE_EVENT;
import static com.comborec.contract.RejectReason.MALFORMED_ROW;
import static com.comborec.contract.RejectReason.MISSING_REQUIRED;
import static com.comborec.contract.RejectReason.OUT_OF_RANGE;
import static com.comborec.contract.RejectReason.UNKNOWN_EVENT_TYPE;
import static com.comborec.contract.RejectReason.UNKNOWN_ITEM;

import com.comborec.contract.RejectReason;
import com.comborec.contract.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Planted bad rows: which reject reasons each source gets, how many per file, and how a good row is
 * turned into a row with exactly one fault of a reason, so the planted counts are exact.
 */
final class Faults {
  /** The reasons planted per source (products and users are snapshots, so also duplicate_key). */
  static final Map<Source, List<RejectReason>> PLANTED =
      Map.of(
          Source.EVENTS,
              List.of(
                  MALFORMED_ROW,
                  MISSING_REQUIRED,
                  BAD_TIMESTAMP,
                  BAD_NUMBER,
                  OUT_OF_RANGE,
                  UNKNOWN_EVENT_TYPE,
                  UNKNOWN_ITEM,
                  FUTURE_EVENT),
          Source.PRODUCTS,
              List.of(
                  MALFORMED_ROW,
                  MISSING_REQUIRED,
                  BAD_NUMBER,
                  BAD_BOOLEAN,
                  OUT_OF_RANGE,
                  DUPLICATE_KEY),
          Source.USERS,
              List.of(MALFORMED_ROW, MISSING_REQUIRED, BAD_NUMBER, OUT_OF_RANGE, DUPLICATE_KEY),
          Source.MARKET, List.of(MALFORMED_ROW, MISSING_REQUIRED, BAD_NUMBER, OUT_OF_RANGE),
          Source.FEEDBACK, List.of(MALFORMED_ROW, MISSING_REQUIRED, BAD_TIMESTAMP, OUT_OF_RANGE));

  /** 129 characters: one more than the contract's id limit. */
  static final String LONG_ID = "U" + "0123456789abcdef".repeat(8);

  private Faults() {}

  /**
   * Bad rows of one reason in a file of {@code rows} good rows: at least one while the fraction is
   * above 0.
   */
  static int perReason(double fraction, long rows) {
    return fraction <= 0 ? 0 : (int) Math.max(1, Math.round(fraction * rows));
  }

  /** A copy of {@code row} with one more field: the wrong number of fields. */
  static String[] extraField(String[] row) {
    String[] out = java.util.Arrays.copyOf(row, row.length + 1);
    out[row.length] = "unexpected";
    return out;
  }

  /** A timestamp no reader accepts: day first, slashes. */
  static String badTimestamp(LocalDate date, Rng rng) {
    return String.format(
        "%02d/%02d/%04d %02d:%02d",
        date.getDayOfMonth(),
        date.getMonthValue(),
        date.getYear(),
        rng.nextInt(24),
        rng.nextInt(60));
  }

  /**
   * events: event_time,user_id,item_id,event_type,quantity,unit_price,order_id. A future event is
   * dated after the last day of the whole set, so it is in the future of its partition day and of
   * any run day within the set.
   */
  static String[] event(
      String[] good, RejectReason reason, LocalDate date, LocalDate lastDay, Rng rng) {
    String[] r = good.clone();
    switch (reason) {
      case MALFORMED_ROW -> r = extraField(good);
      case MISSING_REQUIRED -> r[rng.chance(0.5) ? 2 : 3] = "";
      case BAD_TIMESTAMP -> r[0] = badTimestamp(date, rng);
      case BAD_NUMBER -> {
        if (rng.chance(0.5)) {
          r[4] = "two";
        } else {
          r[5] = "12.5O";
        }
      }
      case OUT_OF_RANGE -> outOfRangeEvent(r, rng);
      case UNKNOWN_EVENT_TYPE -> r[3] = rng.chance(0.5) ? "teleport" : "share";
      case UNKNOWN_ITEM -> r[2] = "PX" + rng.nextInt(1_000_000);
      case FUTURE_EVENT ->
          r[0] = Stamps.iso(lastDay.plusDays(1 + rng.nextInt(2)), rng.nextInt(86_400));
      default -> throw new IllegalArgumentException("not planted in events: " + reason);
    }
    return r;
  }

  private static void outOfRangeEvent(String[] r, Rng rng) {
    int pick = rng.nextInt(3);
    if (pick == 0) {
      r[4] = rng.chance(0.5) ? "0" : "-1";
    } else if (pick == 1) {
      r[5] = "-" + (r[5].isEmpty() || r[5].startsWith("-") ? "4.20" : r[5]);
    } else {
      r[1] = LONG_ID;
    }
  }

  /**
   * products: item_id,title,category,brand,price,cost,stock,active; {@code good} has a fresh id.
   */
  static String[] product(String[] good, RejectReason reason, Rng rng) {
    String[] r = good.clone();
    switch (reason) {
      case MALFORMED_ROW -> r = extraField(good);
      case MISSING_REQUIRED -> r[rng.chance(0.5) ? 0 : 4] = "";
      case BAD_NUMBER -> r[4 + rng.nextInt(3)] = rng.chance(0.5) ? "twelve" : "1O.00";
      case BAD_BOOLEAN -> r[7] = rng.chance(0.5) ? "maybe" : "sometimes";
      case OUT_OF_RANGE -> {
        int pick = rng.nextInt(4);
        if (pick == 3) {
          r[0] = "P" + LONG_ID;
        } else {
          r[4 + pick] = pick == 2 ? "-3" : "-12.00";
        }
      }
      default -> throw new IllegalArgumentException("not planted in products: " + reason);
    }
    return r;
  }

  /** users: user_id,birth_year,gender,region,signup_date; {@code good} has a fresh id. */
  static String[] user(String[] good, RejectReason reason, Rng rng) {
    String[] r = good.clone();
    switch (reason) {
      case MALFORMED_ROW -> r = extraField(good);
      case MISSING_REQUIRED -> r[0] = "";
      case BAD_NUMBER -> r[1] = "19x5";
      case OUT_OF_RANGE -> {
        if (rng.chance(0.5)) {
          r[1] = "1850";
        } else {
          r[0] = LONG_ID;
        }
      }
      default -> throw new IllegalArgumentException("not planted in users: " + reason);
    }
    return r;
  }

  /** market: date,category,demand_index,price_index. */
  static String[] market(String[] good, RejectReason reason, Rng rng) {
    String[] r = good.clone();
    switch (reason) {
      case MALFORMED_ROW -> r = extraField(good);
      case MISSING_REQUIRED -> r[rng.chance(0.5) ? 1 : 2] = "";
      case BAD_NUMBER -> r[rng.chance(0.5) ? 2 : 3] = rng.chance(0.5) ? "high" : "about 1";
      case OUT_OF_RANGE -> r[rng.chance(0.5) ? 2 : 3] = rng.chance(0.5) ? "-0.5000" : "0";
      default -> throw new IllegalArgumentException("not planted in market: " + reason);
    }
    return r;
  }

  /** feedback: event_time,user_id,surface,item_id,bundle_id,action. */
  static String[] feedback(String[] good, RejectReason reason, LocalDate date, Rng rng) {
    String[] r = good.clone();
    switch (reason) {
      case MALFORMED_ROW -> r = extraField(good);
      case MISSING_REQUIRED -> r[new int[] {1, 2, 5}[rng.nextInt(3)]] = "";
      case BAD_TIMESTAMP -> r[0] = badTimestamp(date, rng);
      case OUT_OF_RANGE -> r[1] = LONG_ID;
      default -> throw new IllegalArgumentException("not planted in feedback: " + reason);
    }
    return r;
  }
}
