package com.comborec.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * An endless stream of formatted events rows for one (day, chunk): sessions are simulated one at a
 * time and their events handed out in order; the caller stops when its row budget is spent.
 */
final class EventRows implements Iterator<String[]> {
  static final String[] HEADER = {
    "event_time", "user_id", "item_id", "event_type", "quantity", "unit_price", "order_id"
  };

  private final World world;
  private final Shopper shopper;

  /** The partition day as yyyy-MM-dd, formatted once. */
  private final String dayText;

  private final Rng sessions;
  private final Rng format;
  private final List<Event> buffer = new ArrayList<>();
  private int next;

  EventRows(World world, int day, int chunk) {
    this.world = world;
    LocalDate date = world.date(day);
    this.dayText = date.toString();
    String prefix = "O" + dayText.replace("-", "") + "-" + chunk + "-";
    this.shopper = new Shopper(world, day, prefix);
    this.sessions = Rng.of(world.spec.seed(), Streams.EVENTS, day, chunk);
    this.format = Rng.of(world.spec.seed(), Streams.EVENTS, day, chunk, 1);
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public String[] next() {
    while (next >= buffer.size()) {
      buffer.clear();
      next = 0;
      shopper.session(sessions, buffer);
    }
    return format(buffer.get(next++));
  }

  private String[] format(Event e) {
    return new String[] {
      Stamps.any(dayText, e.second, format.nextDouble()),
      e.user >= 0 ? world.people.id(e.user) : "",
      world.catalog.ids[e.item],
      typeText(e.type),
      e.quantity > 0 ? Integer.toString(e.quantity) : "",
      e.unitPriceCents >= 0 ? Csv.cents(e.unitPriceCents) : "",
      e.orderId == null ? "" : e.orderId
    };
  }

  /** Event types match case-insensitively, so 2% are written in another case. */
  private String typeText(int type) {
    String name = Event.TYPES[type];
    double draw = format.nextDouble();
    if (draw < 0.01) {
      return name.toUpperCase(Locale.ROOT);
    }
    if (draw < 0.02) {
      return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
    return name;
  }
}
