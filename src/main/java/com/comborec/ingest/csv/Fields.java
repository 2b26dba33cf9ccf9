package com.comborec.ingest.csv;

import java.util.ArrayList;
import java.util.List;

/** Splits one well-formed record's text into its raw field values ({@code ""} unescaped). */
final class Fields {
  private Fields() {}

  /**
   * @param text a record whose structure {@link RecordScan} accepted: every quoted field is closed
   *     and followed by a comma or the end
   * @param count the number of fields the scan found
   */
  static List<String> split(String text, int count) {
    List<String> out = new ArrayList<>(count);
    int n = text.length();
    int i = 0;
    while (true) {
      if (i < n && text.charAt(i) == '"') {
        StringBuilder field = new StringBuilder();
        i++;
        while (true) {
          char c = text.charAt(i);
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        out.add(field.toString());
      } else {
        int comma = text.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        out.add(text.substring(i, end));
        i = end;
      }
      if (i >= n) {
        return out;
      }
      i++; // the comma
      if (i == n) {
        out.add("");
        return out;
      }
    }
  }
}
