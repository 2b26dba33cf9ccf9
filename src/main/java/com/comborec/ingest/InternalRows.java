package com.comborec.ingest;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * A pass of Java code over a frame's rows in Spark's internal form. A pass through {@code Row}
 * objects ({@code mapPartitions} with a row encoder) converts every value of every row to a Java
 * object and back, which cost ingest about a tenth of its largest sources' write.
 *
 * <p>Spark keeps {@code internalCreateDataFrame} {@code private[sql]} in Scala; it is public in the
 * bytecode, as the accumulator option {@link FileTallies} uses is. The rows a pass receives may be
 * one reused buffer: a pass that keeps a row or one of its strings must copy it.
 */
final class InternalRows {
  private InternalRows() {}

  /** {@code frame}'s rows through {@code pass}, task by task, as a frame of {@code schema}. */
  static Dataset<Row> map(
      Dataset<Row> frame,
      FlatMapFunction<java.util.Iterator<InternalRow>, InternalRow> pass,
      StructType schema) {
    return frame(frame.sparkSession(), of(frame).mapPartitions(pass), schema);
  }

  /** Internal rows of {@code schema} as a frame. */
  static Dataset<Row> frame(SparkSession spark, JavaRDD<InternalRow> rows, StructType schema) {
    return ((org.apache.spark.sql.classic.SparkSession) spark)
        .internalCreateDataFrame(rows.rdd(), schema, false);
  }

  /** The frame's rows, planned now (jobs the plan depends on, such as broadcasts, run here). */
  static JavaRDD<InternalRow> of(Dataset<Row> frame) {
    return ((org.apache.spark.sql.classic.Dataset<Row>) frame).queryExecution().toRdd().toJavaRDD();
  }
}
