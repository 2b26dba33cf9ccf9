package com.comborec.responsible;

import com.comborec.DuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks for raw user ids where they must not be: in every Parquet file under a folder (read by
 * DuckDB, each row rendered as one string, so nested list&lt;struct&gt; and map values count too),
 * in every other text file (manifests, _SUCCESS), and in captured log text. Substring matching: use
 * distinctive ids (e.g. "cust-alice-0001") so that no pseudonym or other value matches by chance.
 * Reusable by the lead's end-to-end test over a full nightly.
 */
public final class RawIdScanner {
  /** An id found: the file (or log name) and a short excerpt around it. */
  public record Finding(String source, String id, String excerpt) {}

  private RawIdScanner() {}

  /** Parquet and text files under root, hidden (_ and .) folders included. */
  public static List<Finding> scan(Path root, Collection<String> ids) {
    List<Finding> out = new ArrayList<>(scanParquet(root, ids));
    out.addAll(scanText(root, ids));
    return out;
  }

  public static List<Finding> scanParquet(Path root, Collection<String> ids) {
    List<Finding> out = new ArrayList<>();
    try (DuckDb db = new DuckDb()) {
      for (Path file : files(root, true)) {
        String sql =
            "SELECT CAST(t AS VARCHAR) AS row_text FROM read_parquet('"
                + file.toString().replace("'", "''")
                + "', hive_partitioning = false) t";
        for (Map<String, Object> row : db.query(sql)) {
          out.addAll(scanString(file.toString(), String.valueOf(row.get("row_text")), ids));
        }
      }
    }
    return out;
  }

  /** Every file that is neither Parquet nor a Hadoop checksum, read as UTF-8. */
  public static List<Finding> scanText(Path root, Collection<String> ids) {
    List<Finding> out = new ArrayList<>();
    for (Path file : files(root, false)) {
      try {
        out.addAll(
            scanString(
                file.toString(),
                new String(Files.readAllBytes(file), StandardCharsets.UTF_8),
                ids));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  public static List<Finding> scanString(String source, String text, Collection<String> ids) {
    List<Finding> out = new ArrayList<>();
    for (String id : ids) {
      int at = text.indexOf(id);
      if (at >= 0) {
        String excerpt =
            text.substring(Math.max(0, at - 40), Math.min(text.length(), at + id.length() + 40));
        out.add(new Finding(source, id, excerpt));
      }
    }
    return out;
  }

  /** The Parquet files under root (to check that a scan was not vacuous). */
  public static List<Path> parquetFiles(Path root) {
    return files(root, true);
  }

  private static List<Path> files(Path root, boolean parquet) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".crc"))
          .filter(p -> p.getFileName().toString().endsWith(".parquet") == parquet)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
