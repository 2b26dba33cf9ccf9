package com.comborec.generate;

import com.comborec.contract.RejectReason;
import com.comborec.contract.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes truth/: the planted structure and the exact planted reject counts, so tests and people can
 * check what the pipeline should find. Small files, written on the driver.
 */
final class Truth {
  private final FileSystem fs;
  private final Path dir;

  Truth(FileSystem fs, String root) {
    this.fs = fs;
    this.dir = new Path(root, "truth");
  }

  void writeAll(World world, List<FileTask.Result> results) {
    text("README.txt", TruthReadme.TEXT);
    text("spec.json", Json.render(TruthReadme.spec(world.spec)));
    text("rejects.json", Json.render(rejects(results)));
    text("rejects_by_file.csv", rejectsByFile(results));
    text("items.csv", TruthTables.items(world));
    text("combos.csv", TruthTables.combos(world));
    text("market.json", Json.render(TruthTables.market(world)));
    text("summary.json", Json.render(summary(world, results)));
  }

  /** Per source, per reason: exact planted counts (every planted reason listed, zeros included). */
  static Map<String, Object> rejects(List<FileTask.Result> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    long total = 0;
    for (Source s : Source.values()) {
      Map<String, Long> perReason = new LinkedHashMap<>();
      for (RejectReason r : Faults.PLANTED.get(s)) {
        perReason.put(r.code(), 0L);
      }
      for (FileTask.Result res : results) {
        if (source(res.kind()) == s) {
          res.bad().forEach((k, v) -> perReason.merge(k, v, Long::sum));
        }
      }
      total += perReason.values().stream().mapToLong(Long::longValue).sum();
      out.put(s.folder(), perReason);
    }
    out.put("total", total);
    return out;
  }

  private static String rejectsByFile(List<FileTask.Result> results) {
    StringBuilder sb = new StringBuilder();
    Csv.appendRecord(sb, new String[] {"source", "file", "reason", "rows"});
    for (FileTask.Result res : sorted(results)) {
      res.bad()
          .forEach(
              (reason, n) -> {
                if (n > 0) {
                  Csv.appendRecord(
                      sb,
                      new String[] {source(res.kind()).folder(), res.path(), reason, n.toString()});
                }
              });
    }
    return sb.toString();
  }

  private static Map<String, Object> summary(World world, List<FileTask.Result> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (FileTask.Kind kind : FileTask.Kind.values()) {
      long files = 0;
      long records = 0;
      long bad = 0;
      for (FileTask.Result r : results) {
        if (r.kind() == kind) {
          files++;
          records += r.records();
          bad += r.bad().values().stream().mapToLong(Long::longValue).sum();
        }
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("files", files);
      s.put("records", records);
      s.put("planted_rejects", bad);
      out.put(
          kind == FileTask.Kind.TASTES ? "truth_user_tastes" : kind.name().toLowerCase(Locale.ROOT),
          s);
    }
    out.put("events_target", world.spec.events());
    out.put("planted_sets", world.combos.sets.length);
    return out;
  }

  static Source source(FileTask.Kind kind) {
    return switch (kind) {
      case EVENTS -> Source.EVENTS;
      case PRODUCTS -> Source.PRODUCTS;
      case USERS -> Source.USERS;
      case MARKET -> Source.MARKET;
      case FEEDBACK -> Source.FEEDBACK;
      case TASTES -> null;
    };
  }

  private static List<FileTask.Result> sorted(List<FileTask.Result> results) {
    List<FileTask.Result> out = new ArrayList<>(results);
    out.sort((a, b) -> a.path().compareTo(b.path()));
    return out;
  }

  private void text(String name, String content) {
    Path target = new Path(dir, name);
    Path temp = new Path(dir, "." + name + ".inprogress");
    try {
      try (OutputStream out = fs.create(temp, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(temp, target)) {
        throw new IOException("rename failed: " + temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
