package com.comborec.model.ranker;

import com.comborec.core.Settings;
import com.comborec.model.candidates.Generator;
import java.util.List;

/**
 * The learned ranker ({@code comborec.model.ranker}): which generators feed it, how deep, and the
 * classifier's parameters.
 *
 * @param enabled false: the ranker is never trained or served
 * @param algorithm "gbt" (GBTClassifier) or "mlp" (MultilayerPerceptronClassifier)
 * @param generators the generators whose top {@code depth} form each user's candidates
 * @param depth candidates per generator and user
 * @param trainingCutoffs the ranker serving day D learns from D - forward-days x 1 .. x this many
 * @param maxNegativesPerUser negatives kept per user and training cutoff (seeded), reweighted
 * @param fitPartitions the training rows' partitions (the classifier samples per partition)
 */
public record RankerSettings(
    boolean enabled,
    String algorithm,
    List<Generator> generators,
    int depth,
    int trainingCutoffs,
    int maxNegativesPerUser,
    int maxIter,
    int maxDepth,
    double stepSize,
    double subsamplingRate,
    int maxBins,
    int minInstancesPerNode,
    int fitPartitions,
    List<Integer> mlpHiddenLayers,
    long seed) {

  public static RankerSettings from(Settings s) {
    return new RankerSettings(
        s.bool("enabled"),
        s.oneOf("algorithm", "gbt", "mlp"),
        generators(s),
        s.intAtLeast("depth", 1),
        s.intAtLeast("training-cutoffs", 1),
        s.intAtLeast("max-negatives-per-user", 1),
        s.intAtLeast("max-iter", 1),
        s.intAtLeast("max-depth", 1),
        s.doubleIn("step-size", 1e-6, 1),
        s.doubleIn("subsampling-rate", 0.01, 1),
        s.intAtLeast("max-bins", 2),
        s.intAtLeast("min-instances-per-node", 1),
        s.intAtLeast("fit-partitions", 1),
        s.doubles("mlp-hidden-layers").stream().map(Double::intValue).toList(),
        s.longAtLeast("seed", 0));
  }

  private static List<Generator> generators(Settings s) {
    try {
      List<Generator> out = s.strings("generators").stream().map(Generator::of).toList();
      s.check(!out.isEmpty(), "generators", "must name at least one generator");
      return out;
    } catch (IllegalArgumentException e) {
      throw s.fail("generators", "%s", e.getMessage());
    }
  }
}
