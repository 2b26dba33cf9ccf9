package com.comborec.model.itemitem;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * The closed form of EASE (Steck, "Embarrassingly Shallow Autoencoders", 2019): with the item Gram
 * matrix G = XᵀX of the binary user-item matrix X, P = (G + λI)⁻¹ and B = -P / diag(P) column by
 * column, with diag(B) = 0. A user's score for item j is the sum of B[i][j] over the items i they
 * bought. Plain Java over LAPACK (Cholesky: G + λI is symmetric positive definite for λ > 0), no
 * Spark, so a 4-item example computed by hand tests it.
 */
public final class EaseSolver {
  private EaseSolver() {}

  /**
   * B for an n x n Gram matrix given row-major (symmetric, so column-major too); returns B
   * row-major as floats: {@code b[i * n + j]} is item i's weight toward item j.
   */
  public static float[] weights(double[] gram, int n, double lambda) {
    if (gram.length != (long) n * n || lambda <= 0) {
      throw new IllegalArgumentException(
          "EASE needs an n x n Gram matrix and lambda > 0, got " + gram.length + " and " + lambda);
    }
    double[] p = inverse(regularised(gram, n, lambda), n);
    float[] b = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i * n + j] = i == j ? 0f : (float) (-p[i * n + j] / p[j * n + j]);
      }
    }
    return b;
  }

  private static double[] regularised(double[] gram, int n, double lambda) {
    double[] a = gram.clone();
    for (int i = 0; i < n; i++) {
      a[i * n + i] += lambda;
    }
    return a;
  }

  /** The inverse of a symmetric positive definite matrix (Cholesky factor, then its inverse). */
  static double[] inverse(double[] a, int n) {
    LAPACK lapack = LAPACK.getInstance();
    intW info = new intW(0);
    lapack.dpotrf("U", n, a, n, info);
    check(info, "dpotrf");
    lapack.dpotri("U", n, a, n, info);
    check(info, "dpotri");
    // dpotri leaves the inverse in the upper triangle (column-major): mirror it.
    for (int col = 0; col < n; col++) {
      for (int row = col + 1; row < n; row++) {
        a[col * n + row] = a[row * n + col];
      }
    }
    return a;
  }

  private static void check(intW info, String routine) {
    if (info.val != 0) {
      throw new IllegalStateException(
          routine + " failed (info " + info.val + "): G + lambda I is not positive definite");
    }
  }
}
