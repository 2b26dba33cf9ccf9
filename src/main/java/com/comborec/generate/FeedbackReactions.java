package com.comborec.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sort_array;

import com.comborec.contract.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Feedback of day D reacting to the recommendations an earlier comborec run published for D-1: each
 * listed item gets an impression, and clicks, carts, purchases or dismisses follow the user's
 * planted taste. Every user's reactions come from a stream keyed by (seed, day, user id), and the
 * file is written sorted by user, so the bytes do not depend on how Spark splits the input.
 */
final class FeedbackReactions {
  /** A user, the row's number among the user's rows, and the six feedback fields. */
  private static final StructType LINES = lineSchema();

  private FeedbackReactions() {}

  private static StructType lineSchema() {
    StructType t =
        new StructType().add("user_id", DataTypes.StringType).add("seq", DataTypes.IntegerType);
    for (int k = 0; k < FeedbackFile.HEADER.length; k++) {
      t = t.add("f" + k, DataTypes.StringType);
    }
    return t;
  }

  /**
   * The complete recommendations folder of the day before {@code date}, or null if there is none.
   */
  static String recommendationsBefore(Configuration conf, String root, LocalDate date) {
    String dir = root + "/recommendations/dt=" + date.minusDays(1);
    try {
      FileSystem fs = FileSystem.get(URI.create(dir), conf);
      return fs.exists(new Path(dir, "_SUCCESS")) ? dir : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + dir, e);
    }
  }

  static FileTask.Result write(
      SparkSession spark,
      Broadcast<World> world,
      Broadcast<SerializableConfiguration> conf,
      int day,
      String recommendations,
      String root) {
    Dataset<Row> shown =
        spark
            .read()
            .parquet(recommendations)
            .where(col("user_id").isNotNull())
            .select(col("user_id"), sort_array(col("items")).getField("item_id").as("item_ids"));
    // One user at a time: memory holds one user's rows, however large the input partitions are.
    Dataset<Row> lines =
        shown.flatMap(
            (FlatMapFunction<Row, Row>) r -> react(world.value(), day, r).iterator(),
            Encoders.row(LINES));
    long good = lines.count();
    // The RDD API: a Dataset encoder would need the (package-private) result type to be public.
    List<FileTask.Result> written =
        lines
            .repartition(1)
            .sortWithinPartitions("user_id", "seq")
            .toJavaRDD()
            .mapPartitions(
                rows ->
                    List.of(writeSorted(world.value(), conf.value().value(), root, day, good, rows))
                        .iterator())
            .collect();
    return written.get(0);
  }

  /** The feedback rows of one user's recommendation list, numbered in time order. */
  private static List<Row> react(World w, int day, Row recommended) {
    String userId = recommended.getString(0);
    List<String> ids = recommended.isNullAt(1) ? List.of() : recommended.getList(1);
    Rng rng =
        Rng.of(
            w.spec.seed(),
            Streams.FEEDBACK,
            day,
            Rng.hash(userId.chars().asLongStream().toArray()));
    People.Taste taste = w.people.taste(userIndex(w, userId), w.catalog.categories);
    String[] shownIds = ids.stream().filter(java.util.Objects::nonNull).toArray(String[]::new);
    int[] index = new int[shownIds.length];
    for (int k = 0; k < shownIds.length; k++) {
      index[k] = itemIndex(w, shownIds[k]);
    }
    List<String[]> rows = new ArrayList<>();
    Reactions.items(
        w,
        rng,
        w.date(day),
        rng.nextInt(80_000),
        userId,
        taste,
        "recommendations",
        shownIds,
        index,
        rows);
    List<Row> out = new ArrayList<>(rows.size());
    for (int k = 0; k < rows.size(); k++) {
      Object[] values = new Object[2 + FeedbackFile.HEADER.length];
      values[0] = userId;
      values[1] = k;
      System.arraycopy(rows.get(k), 0, values, 2, FeedbackFile.HEADER.length);
      out.add(RowFactory.create(values));
    }
    return out;
  }

  /** Our own ids map back to their index; anyone else gets a taste picked by a hash of the id. */
  static int userIndex(World w, String userId) {
    int parsed = parseIndex(userId, 'U');
    return parsed >= 0 && parsed < w.people.count
        ? parsed
        : (int)
            Math.floorMod(Rng.hash(userId.chars().asLongStream().toArray()), (long) w.people.count);
  }

  static int itemIndex(World w, String itemId) {
    int parsed = parseIndex(itemId, 'P');
    return parsed >= 0 && parsed < w.catalog.size && w.catalog.ids[parsed].equals(itemId)
        ? parsed
        : -1;
  }

  private static int parseIndex(String id, char prefix) {
    if (id.length() < 2 || id.length() > 10 || id.charAt(0) != prefix) {
      return -1;
    }
    for (int i = 1; i < id.length(); i++) {
      if (!Character.isDigit(id.charAt(i))) {
        return -1;
      }
    }
    return Integer.parseInt(id.substring(1));
  }

  private static FileTask.Result writeSorted(
      World w, Configuration conf, String root, int day, long good, Iterator<Row> rows)
      throws IOException {
    String folder = "feedback/dt=" + w.date(day);
    LocalDate date = w.date(day);
    Rng rng = Rng.of(w.spec.seed(), Streams.FEEDBACK, day, 2);
    Iterator<String[]> goods = fields(rows, good);
    try (FileSystem fs = FileSystem.newInstance(URI.create(root), conf)) {
      fs.setWriteChecksum(false);
      try (CsvSink sink =
          CsvSink.open(
              fs, new Path(root, folder), "feedback.csv", w.spec.gzip(), FeedbackFile.HEADER)) {
        Map<String, Long> bad =
            PlantedWriter.write(
                sink,
                goods,
                good,
                Faults.PLANTED.get(Source.FEEDBACK),
                Faults.perReason(w.spec.malformedFraction(), good),
                rng,
                (g, reason, r) -> Faults.feedback(g, reason, date, r));
        String name = "feedback.csv" + (w.spec.gzip() ? ".gz" : "");
        return new FileTask.Result(
            FileTask.Kind.FEEDBACK, day, folder + "/" + name, sink.records(), bad);
      }
    }
  }

  /** The six feedback fields of each sorted row. */
  private static Iterator<String[]> fields(Iterator<Row> rows, long expected) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public String[] next() {
        // Spark's generated iterators advance in hasNext(): never call next() without it.
        if (!rows.hasNext()) {
          throw new java.util.NoSuchElementException(
              "fewer feedback rows than counted: " + expected);
        }
        Row r = rows.next();
        String[] fields = new String[FeedbackFile.HEADER.length];
        for (int k = 0; k < fields.length; k++) {
          fields[k] = r.getString(2 + k);
        }
        return fields;
      }
    };
  }
}
