package com.comborec.publish.report;

import com.comborec.core.Fs;
import com.comborec.core.Json;
import com.comborec.core.OutputLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;

/**
 * Copies of partial runs' manifests, one per stage: {@code run STAGE} rewrites the day's manifest
 * each time, so {@code finalize} would otherwise see only the last stage's figures. Kept under
 * {@code _manifests/_stages/dt=D/<stage>.json}; a failed run of a stage removes its copy.
 */
public final class StageManifests {
  private StageManifests() {}

  public static String folder(OutputLayout layout) {
    return layout.manifestsRoot() + "/_stages/" + OutputLayout.dt(layout.runDate());
  }

  /**
   * Keeps (or, for a failed run, drops) the copy of a partial run's manifest; full runs keep none.
   */
  public static void keep(Fs fs, OutputLayout layout, Map<String, Object> manifest) {
    if (!Boolean.TRUE.equals(manifest.get("partial"))) {
      return;
    }
    String name = stageNames(manifest);
    if (name.isEmpty()) {
      return;
    }
    String path = folder(layout) + "/" + name + ".json";
    if ("published".equals(manifest.get("status"))) {
      fs.writeStringAtomically(path, Json.write(manifest));
    } else if (fs.exists(path)) {
      fs.delete(path);
    }
  }

  /** The kept copies of a day, in file-name order. */
  public static List<Map<String, Object>> readAll(Fs fs, OutputLayout layout) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FileStatus f : fs.list(folder(layout))) {
      String name = f.getPath().getName();
      if (f.isFile() && name.endsWith(".json") && !name.startsWith(".")) {
        out.add(Json.readMap(fs.readString(f.getPath().toString())));
      }
    }
    return out;
  }

  /**
   * The stages a manifest ran, besides publish, joined with '+': {@code features} or {@code
   * ingest+combos}.
   */
  public static String stageNames(Map<String, Object> manifest) {
    return Manifests.list(manifest, "stages").stream()
        .map(s -> s instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "")
        .filter(n -> !n.isEmpty() && !n.equals("publish"))
        .collect(Collectors.joining("+"));
  }
}
