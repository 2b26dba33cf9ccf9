package com.comborec.ingest;

import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads and normalises the header record of one CSV file (plain or gzip, with or without a UTF-8
 * BOM). Names are trimmed and lower-cased, because the contract matches columns by name,
 * case-insensitively, in any order.
 */
public final class CsvHeader {
  private CsvHeader() {}

  public static List<String> read(FileSystem fs, Path file) {
    try (InputStream raw = fs.open(file);
        InputStream in = file.getName().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = reader.readLine();
      if (line == null || line.isBlank()) {
        throw ComborecException.inputContract(
            "%s: the file is empty; a header row is required", file);
      }
      return normalise(parseRecord(stripBom(line)));
    } catch (IOException e) {
      // Unreadable (permissions) or corrupt (not gzip): the input's fault, exit 3 naming the file.
      throw new ComborecException(
          ExitCode.INPUT_CONTRACT,
          String.format(
              "%s: cannot read the header: %s: %s",
              file, e.getClass().getSimpleName(), e.getMessage()),
          e);
    }
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  static List<String> normalise(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(n.trim().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Splits one RFC 4180 record that fits on a line: commas, double-quote quoting, "" escapes. */
  static List<String> parseRecord(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c != '\r') {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
