package com.comborec.segment;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import com.comborec.contract.Schemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Segment profiles: size and mean features in original units per segment. Only one row per segment
 * reaches the driver, and only segments of at least the minimum size are published.
 */
public final class SegmentProfiles {
  private SegmentProfiles() {}

  /** Size and means of {@code profileColumns} per segment_id, ordered by segment id. */
  public static List<SegmentStats> aggregate(Dataset<Row> assigned, List<String> profileColumns) {
    List<Column> means = new ArrayList<>();
    profileColumns.forEach(c -> means.add(avg(col(c)).as(c)));
    List<Row> rows =
        assigned
            .groupBy("segment_id")
            .agg(count("*").as("users"), means.toArray(Column[]::new))
            .orderBy("segment_id")
            .collectAsList();
    List<SegmentStats> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Double> features = new LinkedHashMap<>();
      for (int i = 0; i < profileColumns.size(); i++) {
        // avg ignores nulls; a segment where nobody has the value (age) gets no entry at all.
        if (!r.isNullAt(i + 2)) {
          features.put(profileColumns.get(i), r.getDouble(i + 2));
        }
      }
      out.add(new SegmentStats(r.getInt(0), r.getLong(1), features));
    }
    return out;
  }

  /**
   * The {@code segment_profiles} table in the contract's column order, with only the segments of at
   * least {@code minSize} users: a smaller one would describe too few people (privacy).
   */
  public static Dataset<Row> toTable(
      SparkSession spark, List<SegmentStats> stats, Map<Integer, String> labels, long minSize) {
    List<Row> rows = new ArrayList<>();
    for (SegmentStats s : stats) {
      if (s.users() >= minSize) {
        rows.add(
            RowFactory.create(s.segmentId(), s.users(), labels.get(s.segmentId()), s.features()));
      }
    }
    return spark.createDataFrame(rows, Schemas.SEGMENT_PROFILES);
  }
}
