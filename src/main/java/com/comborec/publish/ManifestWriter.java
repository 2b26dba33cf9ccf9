package com.comborec.publish;

import com.comborec.core.ExitCode;
import com.comborec.core.Json;
import com.comborec.core.RunContext;
import com.comborec.core.StageResult;
import com.comborec.core.StagedTables;
import com.comborec.store.PublishSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code _manifests/dt=D.json}: the run's status and timings, then every stage's typed
 * result (each result's components are top-level sections), the output counts and the config.
 * docs/manifest.schema.json describes the shape.
 */
public final class ManifestWriter {
  private ManifestWriter() {}

  public static Map<String, Object> write(
      RunContext ctx, ExitCode exit, String message, Instant started, boolean partial) {
    return write(ctx, exit, message, started, partial, null, null);
  }

  /**
   * The same for a run that did not publish: {@code failedStage} is the stage that was running,
   * {@code rootCause} the innermost cause in one line (null when the message says it all).
   */
  public static Map<String, Object> write(
      RunContext ctx,
      ExitCode exit,
      String message,
      Instant started,
      boolean partial,
      String failedStage,
      String rootCause) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", ctx.config().get(PublishSettings.SECTION).schemaVersion());
    m.put("run_date", ctx.runDate().toString());
    m.put("run_id", ctx.runId());
    m.put("status", exit.manifestStatus());
    m.put("exit_code", exit.code());
    m.put("message", message);
    m.put("partial", partial);
    m.put("started_at", started.toString());
    m.put("ended_at", Instant.now().toString());
    if (failedStage != null) {
      m.put("failed_stage", failedStage);
    }
    if (rootCause != null) {
      m.put("root_cause", rootCause);
    }
    for (StageResult result : ctx.results()) {
      merge(m, Json.tree(result));
    }
    m.put("stages", ctx.timings().stream().map(Json::tree).toList());
    m.put("warnings", ctx.warnings());
    m.put("outputs", outputs(ctx, exit));
    m.put("config", ctx.config().effectiveValues());
    ctx.fs().writeStringAtomically(ctx.layout().manifest(), Json.write(m));
    return m;
  }

  /**
   * Adds {@code section} into {@code into}, merging objects that two stages both fill (e.g. the
   * model and recommend stages' {@code responsible} figures); a later plain value wins.
   */
  @SuppressWarnings("unchecked")
  static void merge(Map<String, Object> into, Map<String, Object> section) {
    section.forEach(
        (key, value) -> {
          Object existing = into.get(key);
          if (existing instanceof Map<?, ?> e && value instanceof Map<?, ?> v) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) e);
            merge(copy, (Map<String, Object>) v);
            into.put(key, copy);
          } else {
            into.put(key, value);
          }
        });
  }

  /** Output row counts per table (from the footers), with whether each was committed. */
  private static Map<String, Object> outputs(RunContext ctx, ExitCode exit) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (StagedTables.Entry e : ctx.staged().entries()) {
      if (e.table().equals("rejects")) {
        continue;
      }
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("rows", e.rows());
      t.put("files", e.files());
      t.put("path", ctx.layout().output(e.relativePath()));
      t.put("committed", exit == ExitCode.PUBLISHED);
      out.put(e.table(), t);
    }
    return out;
  }
}
