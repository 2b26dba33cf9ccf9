package com.comborec.model.itemitem;

/**
 * The closed form of EASE (Steck, "Embarrassingly Shallow Autoencoders", 2019): with the item Gram
 * matrix G = XᵀX of the binary user-item matrix X, P = (G + λI)⁻¹ and B = -P / diag(P) column by
 * column, with diag(B) = 0. A user's score for item j is the sum of B[i][j] over the items i they
 * bought. Plain Java ({@link SpdInverse}: G + λI is symmetric positive definite for λ > 0), no
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
    double[] p = SpdInverse.invert(regularised(gram, n, lambda), n);
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
}
