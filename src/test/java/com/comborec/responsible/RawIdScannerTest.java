package com.comborec.responsible;

import static com.comborec.Rows.frame;
import static com.comborec.Rows.recommendation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.contract.Schemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner itself finds ids inside nested list<struct> strings and in text files, and nothing
 * else.
 */
class RawIdScannerTest {
  @TempDir Path dir;

  /**
   * "cust-nested-42" sits only inside items[1].because_item_id; "cust-top-1" in a top-level column.
   */
  @Test
  void findsIdsInNestedStructsAndTextFiles() throws Exception {
    org.apache.spark.sql.Row row = recommendation("cust-top-1", 1, "p1");
    List<org.apache.spark.sql.Row> items =
        List.of(RowFactory.create(1, "p1", 0.5, "bought_with", "cust-nested-42"));
    frame(Schemas.RECOMMENDATIONS, row, RowFactory.create("u2", 2, "als", items, "v1"))
        .coalesce(1)
        .write()
        .parquet(dir.resolve("_hidden/t").toString());
    Files.writeString(dir.resolve("manifest.json"), "{\"note\": \"cust-text-7\"}");
    List<String> found =
        RawIdScanner.scan(
                dir, List.of("cust-top-1", "cust-nested-42", "cust-text-7", "cust-absent-9"))
            .stream()
            .map(RawIdScanner.Finding::id)
            .sorted()
            .toList();
    assertEquals(List.of("cust-nested-42", "cust-text-7", "cust-top-1"), found, "ids found");
  }
}
