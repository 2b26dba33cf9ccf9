package com.comborec.generate;

/**
 * A small deterministic random stream (SplitMix64). Written out here rather than taken from the JDK
 * so that the same seed gives the same bytes on every Java version; every stream is derived from
 * the run seed and a tuple of keys (stream id, day, chunk, ...), never from the clock.
 */
final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  private Rng(long state) {
    this.state = state;
  }

  /** A stream keyed by the given values, e.g. {@code Rng.of(seed, Streams.EVENTS, day, chunk)}. */
  static Rng of(long... keys) {
    return new Rng(hash(keys));
  }

  /** A well-mixed 64-bit hash of the keys, order-sensitive. */
  static long hash(long... keys) {
    long h = 0x2545F4914F6CDD1DL;
    for (long k : keys) {
      h = mix(h ^ mix(k + GOLDEN));
    }
    return h;
  }

  /** A uniform double in [0, 1) that is a pure function of the keys: no stream state needed. */
  static double unit(long... keys) {
    return (hash(keys) >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * Uniform in [0, bound); the multiply-shift bias is below 2^-31, far under any planted effect.
   */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** Uniform in [lo, hi] inclusive. */
  int between(int lo, int hi) {
    return lo + nextInt(hi - lo + 1);
  }

  boolean chance(double p) {
    return nextDouble() < p;
  }

  /** Standard normal by Box-Muller, without a cached second value so the stream stays simple. */
  double gaussian() {
    double u = 1.0 - nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * nextDouble());
  }

  /** Geometric count >= 0 with the given mean. */
  int geometric(double mean) {
    double p = 1.0 / (1.0 + mean);
    return (int) Math.floor(Math.log(1.0 - nextDouble()) / Math.log(1.0 - p));
  }

  /** An index drawn with the given cumulative weights (ascending, last = total). */
  int pick(double[] cumulative) {
    return Sampling.search(
        cumulative, 0, cumulative.length, nextDouble() * cumulative[cumulative.length - 1]);
  }
}
