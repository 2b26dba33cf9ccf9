package com.comborec.model.candidates;

import com.comborec.core.Settings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyper-parameters of one implicit-feedback ALS fit; {@code blocks} sets user and item blocks.
 */
public record AlsParams(
    int rank,
    double regParam,
    double alpha,
    int maxIter,
    long seed,
    int checkpointInterval,
    int blocks) {

  public static AlsParams from(Settings s) {
    return new AlsParams(
        s.intAtLeast("rank", 1),
        s.doubleIn("reg-param", 0, Double.MAX_VALUE),
        s.doubleIn("alpha", 0, Double.MAX_VALUE),
        s.intAtLeast("max-iter", 1),
        s.longAtLeast("seed", Long.MIN_VALUE),
        s.intAtLeast("checkpoint-interval", 1),
        s.intAtLeast("blocks", 1));
  }

  /** The same fit with other grid values (the tuner varies these three). */
  public AlsParams with(int newRank, double newRegParam, double newAlpha) {
    return new AlsParams(newRank, newRegParam, newAlpha, maxIter, seed, checkpointInterval, blocks);
  }

  /** Ordered name/value pairs for the manifest and the model version hash. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", rank);
    m.put("reg_param", regParam);
    m.put("alpha", alpha);
    m.put("max_iter", maxIter);
    m.put("seed", seed);
    m.put("checkpoint_interval", checkpointInterval);
    m.put("blocks", blocks);
    return m;
  }
}
