package com.comborec.model.evaluation;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The catalog and user snapshots in force on a day (the newest on or before it). */
public interface Snapshots {
  Dataset<Row> products(LocalDate day);

  Dataset<Row> users(LocalDate day);
}
