package com.comborec.generate;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One output file and everything needed to write it, so that a Spark task writes exactly one file
 * with its own seeded streams: the bytes depend on the task, never on which executor runs it or
 * when.
 *
 * @param rows good plus bad rows for events, good rows for feedback, users per chunk for tastes
 * @param perReason bad rows per planted reason (events; the other sources derive theirs)
 */
record FileTask(Kind kind, int day, int chunk, long rows, int perReason) implements Serializable {

  enum Kind {
    EVENTS,
    PRODUCTS,
    USERS,
    MARKET,
    FEEDBACK,
    TASTES
  }

  /** Users per truth/user_tastes file. */
  static final int TASTES_PER_FILE = 250_000;

  /** What one task wrote. */
  record Result(Kind kind, int day, String path, long records, Map<String, Long> bad)
      implements Serializable {}

  /** Rough cost, to start the big files first. */
  long cost(World world) {
    return switch (kind) {
      case EVENTS, FEEDBACK, TASTES -> rows;
      case PRODUCTS -> world.catalog.size;
      case USERS -> world.people.count;
      case MARKET -> 30;
    };
  }

  /** The folder of the file, relative to the output root. */
  String folder(World world) {
    String dt = "dt=" + world.date(day);
    return switch (kind) {
      case EVENTS -> "events/" + dt;
      case PRODUCTS -> "products/" + dt;
      case USERS -> "users/" + dt;
      case MARKET -> "market/" + dt;
      case FEEDBACK -> "feedback/" + dt;
      case TASTES -> "truth/user_tastes";
    };
  }

  String fileName() {
    return switch (kind) {
      case EVENTS, TASTES -> String.format("part-%05d.csv", chunk);
      default -> kind.name().toLowerCase(java.util.Locale.ROOT) + ".csv";
    };
  }

  String[] header() {
    return switch (kind) {
      case EVENTS -> EventRows.HEADER;
      case PRODUCTS -> ProductsFile.HEADER;
      case USERS -> UsersFile.HEADER;
      case MARKET -> MarketFile.HEADER;
      case FEEDBACK -> FeedbackFile.HEADER;
      case TASTES -> TastesFile.HEADER;
    };
  }

  /** Writes the file under {@code root}; runs inside a Spark task. */
  Result run(World world, Configuration conf, String root) {
    Path dir = new Path(root, folder(world));
    boolean gzip = world.spec.gzip() && kind != Kind.TASTES;
    try (FileSystem fs = FileSystem.newInstance(URI.create(root), conf)) {
      // No .crc side files: the output is meant to be compared byte for byte.
      fs.setWriteChecksum(false);
      String path = folder(world) + "/" + fileName() + (gzip ? ".gz" : "");
      try (CsvSink sink = CsvSink.open(fs, dir, fileName(), gzip, header())) {
        Map<String, Long> bad = write(world, sink);
        return new Result(kind, day, path, sink.records(), bad);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir, e);
    }
  }

  private Map<String, Long> write(World world, CsvSink sink) {
    return switch (kind) {
      case EVENTS -> EventsFile.write(world, day, chunk, rows, perReason, sink);
      case PRODUCTS -> ProductsFile.write(world, day, sink);
      case USERS -> UsersFile.write(world, day, sink);
      case MARKET -> MarketFile.write(world, day, sink);
      case FEEDBACK -> FeedbackFile.write(world, day, rows, sink);
      case TASTES -> {
        int from = chunk * TASTES_PER_FILE;
        TastesFile.write(world, from, (int) Math.min(world.people.count, from + rows), sink);
        yield new TreeMap<>();
      }
    };
  }
}
