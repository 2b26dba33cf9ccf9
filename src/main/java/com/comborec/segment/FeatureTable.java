package com.comborec.segment;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per known user with every feature, and which columns feed the model (log-scaled, imputed)
 * versus which describe a segment in original units.
 *
 * @param rows user_id and every column named in the two lists, all doubles except age (nullable)
 * @param modelColumns what KMeans sees, after standardising
 * @param profileColumns what a segment profile averages, in original units
 * @param categoryNames readable category name per share column, for labels
 */
public record FeatureTable(
    Dataset<Row> rows,
    List<String> modelColumns,
    List<String> profileColumns,
    Map<String, String> categoryNames) {}
