package com.comborec.model;

import com.comborec.core.ComborecException;
import com.comborec.core.Fs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model quality gate: a run whose serving NDCG@K falls below {@code min-ndcg-ratio} of the
 * previous published run's is refused (exit 5), so yesterday's outputs stay current. The previous
 * figure is {@code model.serving_ndcg_at_k} of the newest manifest before the run day whose status
 * is "published"; with none (first run), or none with that figure, the run passes.
 */
public final class ModelGate {
  static final String NDCG_FIELD = "serving_ndcg_at_k";
  private static final Pattern MANIFEST = Pattern.compile("dt=(\\d{4}-\\d{2}-\\d{2})\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(ModelGate.class);

  private ModelGate() {}

  /** The previous published run's serving NDCG@K. */
  public record Previous(LocalDate runDate, double ndcg) {}

  /** Why the run must be refused, or null when it passes. Pure: two figures and the settings. */
  public static String refusal(
      String serving, double current, Optional<Previous> previous, ModelSettings.Gate gate, int k) {
    if (!gate.active() || previous.isEmpty()) {
      return null;
    }
    double floor = gate.minNdcgRatio() * previous.get().ndcg();
    // The manifest keeps 6 decimals and 0.8 * 0.1 is 0.08000000000000002: compare with a hair of
    // slack.
    if (current >= floor - 1e-9) {
      return null;
    }
    return String.format(
        "model quality gate: serving candidate '%s' has NDCG@%d = %.4f, below"
            + " %.2f x %.4f = %.4f of the previous published run (%s); the previous outputs stay"
            + " current (to publish anyway: --set model.gate.override=true)",
        serving,
        k,
        current,
        gate.minNdcgRatio(),
        previous.get().ndcg(),
        floor,
        previous.get().runDate());
  }

  /** Throws {@link ComborecException#modelQuality} when {@link #refusal} says so. */
  public static void enforce(
      String serving, double current, Optional<Previous> previous, ModelSettings.Gate gate, int k) {
    String why = refusal(serving, current, previous, gate, k);
    if (why != null) {
      throw ComborecException.modelQuality("%s", why);
    }
  }

  /** The newest published manifest before {@code runDate} that carries the figure. */
  public static Optional<Previous> previousPublished(
      Fs fs, String manifestsRoot, LocalDate runDate) {
    List<LocalDate> days = new ArrayList<>();
    for (FileStatus s : fs.list(manifestsRoot)) {
      Matcher m = MANIFEST.matcher(s.getPath().getName());
      if (s.isFile() && m.matches() && LocalDate.parse(m.group(1)).isBefore(runDate)) {
        days.add(LocalDate.parse(m.group(1)));
      }
    }
    Collections.sort(days, Collections.reverseOrder());
    for (LocalDate day : days) {
      JsonNode manifest = parse(fs.readString(manifestsRoot + "/dt=" + day + ".json"), day);
      // A published day without the figure (a partial `run ingest`, a backtest's ingest) says
      // nothing about the model: look further back rather than pass as "no previous run".
      if (manifest != null && "published".equals(manifest.path("status").asText())) {
        JsonNode ndcg = manifest.path("model").path(NDCG_FIELD);
        if (ndcg.isNumber()) {
          return Optional.of(new Previous(day, ndcg.asDouble()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The manifest's tree, or null (logged) when it is not JSON: one bad file must not block every
   * later run.
   */
  static JsonNode parse(String json, LocalDate day) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      LOG.warn(
          "manifest of {} is not valid JSON, skipped by the model gate: {}", day, e.getMessage());
      return null;
    }
  }
}
