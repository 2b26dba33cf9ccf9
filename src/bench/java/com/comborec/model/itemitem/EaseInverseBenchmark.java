package com.comborec.model.itemitem;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * EASE's driver-side inverse timed two ways on one Gram matrix shaped like a shop's (G = XᵀX of a
 * sparse binary user-item matrix, plus λI): {@link SpdInverse} against LAPACK's Cholesky inverse
 * alone ({@code dpotrf} + {@code dpotri}, what EaseSolver called before). Prints seconds per run
 * (the first run of each warms the JIT and is reported apart) and the largest difference.
 *
 * <pre>java ... com.comborec.model.itemitem.EaseInverseBenchmark [n ...] (default 1900 3000)</pre>
 */
public final class EaseInverseBenchmark {
  private EaseInverseBenchmark() {}

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {1900, 3000} : parse(args);
    System.out.printf(
        "BLAS %s, LAPACK %s, %d cores%n",
        BLAS.getInstance().getClass().getSimpleName(),
        LAPACK.getInstance().getClass().getSimpleName(),
        Runtime.getRuntime().availableProcessors());
    for (int n : sizes) {
      double[] a = shopGram(n, 20 * n, 12, 200.0);
      double[] mine = null;
      double[] theirs = null;
      double[] tMine = new double[4];
      double[] tTheirs = new double[4];
      for (int run = 0; run < 4; run++) {
        long t0 = System.nanoTime();
        theirs = SpdInverse.choleskyInverse(a.clone(), n);
        tTheirs[run] = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        mine = SpdInverse.invert(a.clone(), n);
        tMine[run] = (System.nanoTime() - t0) / 1e9;
      }
      double maxDiff = 0;
      double maxAbs = 0;
      for (int i = 0; i < n * n; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(mine[i] - theirs[i]));
        maxAbs = Math.max(maxAbs, Math.abs(theirs[i]));
      }
      System.out.printf(
          Locale.ROOT,
          "n=%d: SpdInverse %.2f s (first %.2f), dpotrf+dpotri %.2f s (first %.2f), median of 3;"
              + " max |difference| %.2e of max |entry| %.2e%n",
          n,
          median(tMine),
          tMine[0],
          median(tTheirs),
          tTheirs[0],
          maxDiff,
          maxAbs);
    }
  }

  /** Gram matrix of users buying {@code perUser} items each, skewed toward low item ids. */
  static double[] shopGram(int n, int users, int perUser, double lambda) {
    SplittableRandom random = new SplittableRandom(7);
    double[] g = new double[n * n];
    int[] basket = new int[perUser];
    for (int u = 0; u < users; u++) {
      for (int k = 0; k < perUser; k++) {
        double x = random.nextDouble();
        basket[k] = (int) (n * x * x);
      }
      for (int i : basket) {
        for (int j : basket) {
          g[i * n + j] += 1;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      g[i * n + i] += lambda;
    }
    return g;
  }

  private static double median(double[] t) {
    double[] last = {t[1], t[2], t[3]};
    Arrays.sort(last);
    return last[1];
  }

  private static int[] parse(String[] args) {
    int[] sizes = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    return sizes;
  }
}
