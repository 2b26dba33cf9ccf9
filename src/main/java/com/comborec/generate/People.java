package com.comborec.generate;

import java.io.Serializable;

/**
 * The user population as pure functions of (seed, user index): attributes, signup day and planted
 * taste. Nothing per user is stored, so a million users cost no memory; activity follows a power
 * law over a fixed random ranking of the users: P(rank r) proportional to 1/(r + c) with c = max(5,
 * users / 1000) (Zipf-Mandelbrot), so the most active user has about a thousand times the sessions
 * of the least active one.
 */
final class People implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String[] GENDERS = {
    "female", "male", "Female", "MALE", "non-binary", "F", ""
  };
  private static final double[] GENDER_CUM =
      Sampling.cumulative(new double[] {40, 38, 6, 4, 3, 2, 7});
  private static final String[] REGIONS = {
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "PL",
    "Bavaria",
    "Île-de-France",
    "Catalonia",
    "São Paulo",
    "California",
    "New York",
    "Ontario",
    "Victoria",
    ""
  };

  /** A user's planted taste: three liked leaves with weights, and whole top categories disliked. */
  record Taste(int[] likedLeaves, double[] likedWeights, int[] dislikedTops) {
    boolean dislikes(int top) {
      for (int t : dislikedTops) {
        if (t == top) {
          return true;
        }
      }
      return false;
    }

    /** How much the user likes a leaf: its weight when liked, a quarter of it for a liked top. */
    double affinity(int leaf, Categories categories) {
      double best = 0;
      for (int k = 0; k < likedLeaves.length; k++) {
        if (likedLeaves[k] == leaf) {
          return likedWeights[k];
        }
        if (categories.topOf(likedLeaves[k]) == categories.topOf(leaf)) {
          best = Math.max(best, likedWeights[k] / 4);
        }
      }
      return best;
    }
  }

  final int count;
  private final long seed;
  private final int days;
  private final long stride;
  private final long strideInverse;

  People(long seed, int count, int days) {
    this.seed = seed;
    this.count = count;
    this.days = days;
    this.stride = coprimeStride(count);
    this.strideInverse =
        java.math.BigInteger.valueOf(stride)
            .modInverse(java.math.BigInteger.valueOf(count))
            .longValue();
  }

  private static long coprimeStride(int n) {
    long a = 2_654_435_761L % n;
    while (a < 1 || gcd(a, n) != 1) {
      a++;
    }
    return a;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  String id(int u) {
    return Csv.id("U", u, 7);
  }

  /** Day index of signup: 85% in the three years before the range, the rest within it. */
  int signupDay(int u) {
    double x = Rng.unit(seed, Streams.USER, u, 0);
    double y = Rng.unit(seed, Streams.USER, u, 1);
    return x < 0.85 ? -1 - (int) (y * 1095) : (int) (y * days);
  }

  /** birth_year, empty for 4% of users. */
  String birthYear(int u) {
    double x = Rng.unit(seed, Streams.USER, u, 2);
    return x < 0.04 ? "" : Integer.toString(1945 + (int) (x * 1e6) % 60);
  }

  String gender(int u) {
    double x = Rng.unit(seed, Streams.USER, u, 3) * GENDER_CUM[GENDER_CUM.length - 1];
    return GENDERS[Sampling.search(GENDER_CUM, 0, GENDER_CUM.length, x)];
  }

  String region(int u) {
    return REGIONS[(int) (Rng.unit(seed, Streams.USER, u, 4) * REGIONS.length)];
  }

  /**
   * Taste: a home top category (two liked leaves in it) plus one liked leaf anywhere else, with
   * weights 0.5 / 0.3 / 0.2; one or two other top categories disliked.
   */
  Taste taste(int u, Categories c) {
    Rng rng = Rng.of(seed, Streams.TASTE, u);
    int home = rng.nextInt(c.topCount());
    int first = leafIn(home, c, rng);
    int second = leafIn(home, c, rng);
    int third = rng.nextInt(c.leafCount());
    int disliked = rng.chance(0.4) ? 2 : 1;
    int[] dislikedTops = new int[disliked];
    for (int k = 0; k < disliked; k++) {
      int t = rng.nextInt(c.topCount());
      while (t == home || t == c.topOf(third) || (k == 1 && t == dislikedTops[0])) {
        t = (t + 1) % c.topCount();
      }
      dislikedTops[k] = t;
    }
    return new Taste(new int[] {first, second, third}, new double[] {0.5, 0.3, 0.2}, dislikedTops);
  }

  private static int leafIn(int top, Categories c, Rng rng) {
    int leaf = rng.nextInt(c.leafCount());
    while (c.topOf(leaf) != top) {
      leaf = (leaf + 1) % c.leafCount();
    }
    return leaf;
  }

  /**
   * Activity rank of a user: rank 0 is the most active. The inverse of {@link #drawActive}'s map.
   */
  long activityRank(int u) {
    return Math.floorMod(strideInverse * (u - Math.floorMod(seed, count)), count);
  }

  /** The offset c of the activity law 1/(rank + c). */
  double activityOffset() {
    return Math.max(5.0, count / 1000.0);
  }

  /**
   * Draws a user with probability proportional to 1/(rank + c), by inverting the continuous law.
   */
  int drawActive(Rng rng) {
    double c = activityOffset();
    double x = c * Math.exp(rng.nextDouble() * Math.log((count + c) / c)) - c;
    int rank = (int) Math.min(count - 1, Math.floor(x));
    return (int) ((stride * rank + Math.floorMod(seed, count)) % count);
  }
}
