package com.comborec.bench;

import static org.apache.spark.sql.functions.col;

import com.comborec.contract.Schemas;
import com.comborec.contract.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Groceries data set (one basket per line, comma-separated item names, no time) as validated
 * purchase events: line i is order g{i}; all on one day, since the split is by basket, not time.
 */
final class GroceriesInput {
  private static final Timestamp AT = Timestamp.valueOf("2026-01-01 10:00:00");

  private GroceriesInput() {}

  static Dataset<Row> events(SparkSession spark, String file) {
    List<Row> rows = new ArrayList<>();
    List<String> lines = read(file);
    for (int i = 0; i < lines.size(); i++) {
      for (String item : lines.get(i).split(",")) {
        if (!item.isBlank()) {
          rows.add(
              RowFactory.create(
                  AT,
                  "u-g" + (i + 1),
                  item.trim(),
                  "purchase",
                  1,
                  null,
                  "g" + (i + 1),
                  Date.valueOf("2026-01-01")));
        }
      }
    }
    StructType schema = Schemas.validated(Source.EVENTS).add("dt", DataTypes.DateType);
    return spark.createDataFrame(rows, schema);
  }

  /**
   * basket_id of the training baskets: o:g1 .. o:g{n} shuffled by {@code new Random(seed)}, the
   * first 80% (rounded down). Python's random differs, so splits differ from the lab's.
   */
  static Dataset<Row> trainingIds(SparkSession spark, long n, long seed) {
    List<Integer> lines = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      lines.add(i);
    }
    Collections.shuffle(lines, new Random(seed));
    List<Row> rows = new ArrayList<>();
    for (int i : lines.subList(0, (int) (0.8 * n))) {
      rows.add(RowFactory.create("o:g" + i));
    }
    return spark.createDataFrame(rows, new StructType().add("basket_id", DataTypes.StringType));
  }

  /** Every item, sellable (no stock or activity data). */
  static Dataset<Row> products(SparkSession spark, Dataset<Row> baskets) {
    return baskets
        .select(org.apache.spark.sql.functions.explode(col("items")).as("item_id"))
        .distinct()
        .selectExpr(
            "item_id",
            "item_id as title",
            "cast(null as string) as category",
            "cast(null as string) as brand",
            "1.0d as price",
            "cast(null as double) as cost",
            "cast(null as int) as stock",
            "cast(null as boolean) as active");
  }

  private static List<String> read(String file) {
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
