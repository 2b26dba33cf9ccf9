package com.comborec.model.itemitem;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.util.stream.IntStream;
import org.netlib.util.intW;

/**
 * The inverse of a symmetric positive definite matrix, for EASE's P = (G + λI)⁻¹ on the driver.
 *
 * <p>With a native LAPACK (OpenBLAS) loaded, its Cholesky inverse ({@code dpotrf} + {@code dpotri})
 * is used as is. Without one, which is the default on every Spark install (Maven brings none),
 * netlib's Java LAPACK runs its blocked algorithms on the f2j translation of the reference BLAS:
 * 3.5 GFLOP/s here, single-threaded, while the Java BLAS's own {@code dgemm} reaches 8.6 GFLOP/s on
 * one core. So the Java path inverts by 2 x 2 blocks (the Schur complement, recursively) with all
 * its work in {@code dgemm}, split by fixed 64-column slices over the driver's cores: 4/3 n³ flops
 * against the Cholesky inverse's n³, but at twice the speed per core and on every core. Blocks of
 * at most {@value #LEAF} rows go to the Cholesky inverse. No pivoting is needed: every diagonal
 * block and every Schur complement of a positive definite matrix is positive definite. Forming the
 * blocks' inverses explicitly is not backward stable the way Cholesky is, so accuracy rests on the
 * regularised Gram matrix being well conditioned; measured against LAPACK's inverse it agrees to
 * 1e-12 relative on a dense test matrix and to 3e-17 absolute on the benchmark's.
 *
 * <p>Memory: the matrix itself, in place, plus one scratch block T per level of the recursion that
 * is still open, n²/4 + n²/16 + ... &lt; n²/3 doubles at once (24 MB at 3,000 items).
 *
 * <p>The slices are fixed by n, never by the number of cores, and each output element is computed
 * by one {@code dgemm} call in one order: the result is the same on any machine with the same BLAS.
 */
final class SpdInverse {
  /** Blocks this size or smaller are inverted by LAPACK's Cholesky inverse. */
  static final int LEAF = 128;

  /** Columns of one parallel slice of a {@code dgemm} output. */
  private static final int SLICE = 64;

  private SpdInverse() {}

  /**
   * The inverse of {@code a} (n x n, symmetric, both triangles filled), computed in place and
   * returned; exactly symmetric.
   */
  static double[] invert(double[] a, int n) {
    if (LAPACK.getInstance() instanceof NativeLAPACK) {
      return choleskyInverse(a, n);
    }
    blocks(a, 0, n, n);
    mirrorUpper(a, n);
    return a;
  }

  /**
   * LAPACK's Cholesky inverse alone, in place, exactly symmetric: the native path, and the
   * reference the tests and {@code scripts/bench-ease} compare the blocks with.
   */
  static double[] choleskyInverse(double[] a, int n) {
    cholesky(a, 0, n, n);
    mirrorUpper(a, n);
    return a;
  }

  /**
   * Inverts the diagonal block starting at (o, o) of size n in the column-major matrix of leading
   * dimension ld. For A = [A11 A12; A21 A22] with X = A11⁻¹, T = X A12 and the Schur complement S =
   * A22 - A21 T: A⁻¹ = [X + T S⁻¹ Tᵀ, -T S⁻¹; (-T S⁻¹)ᵀ, S⁻¹].
   */
  private static void blocks(double[] a, int o, int n, int ld) {
    if (n <= LEAF) {
      cholesky(a, o, n, ld);
      mirrorUpperBlock(a, o, n, ld);
      return;
    }
    int h = n / 2;
    int m = n - h;
    int a11 = o * ld + o;
    int a12 = (o + h) * ld + o;
    int a21 = o * ld + o + h;
    int a22 = (o + h) * ld + o + h;
    blocks(a, o, h, ld); // A11 := X
    double[] t = new double[h * m];
    gemm("N", h, m, h, 1, a, a11, ld, a, a12, ld, 0, t, 0, h); // T = X A12
    gemm("N", m, m, h, -1, a, a21, ld, t, 0, h, 1, a, a22, ld); // A22 := S = A22 - A21 T
    blocks(a, o + h, m, ld); // A22 := S⁻¹
    gemm("N", h, m, m, -1, t, 0, h, a, a22, ld, 0, a, a12, ld); // A12 := -T S⁻¹
    gemm("T", h, h, m, -1, a, a12, ld, t, 0, h, 1, a, a11, ld); // A11 := X + T S⁻¹ Tᵀ
    for (int j = 0; j < m; j++) { // A21 := A12ᵀ
      for (int i = 0; i < h; i++) {
        a[a21 + i * ld + j] = a[a12 + j * ld + i];
      }
    }
  }

  /**
   * C := alpha A op(B) + beta C, column-major, op(B) = B or Bᵀ; the n output columns in slices of
   * {@link #SLICE} on the common fork-join pool (the calling thread takes part).
   */
  private static void gemm(
      String transB,
      int m,
      int n,
      int k,
      double alpha,
      double[] a,
      int offA,
      int ldA,
      double[] b,
      int offB,
      int ldB,
      double beta,
      double[] c,
      int offC,
      int ldC) {
    BLAS blas = BLAS.getInstance();
    boolean transposed = transB.equals("T");
    int slices = (n + SLICE - 1) / SLICE;
    IntStream.range(0, slices)
        .parallel()
        .forEach(
            s -> {
              int j0 = s * SLICE;
              int width = Math.min(SLICE, n - j0);
              // Column j of Bᵀ is row j of B: the slice starts j0 rows (not columns) into B.
              int b0 = offB + (transposed ? j0 : j0 * ldB);
              blas.dgemm(
                  "N",
                  transB,
                  m,
                  width,
                  k,
                  alpha,
                  a,
                  offA,
                  ldA,
                  b,
                  b0,
                  ldB,
                  beta,
                  c,
                  offC + j0 * ldC,
                  ldC);
            });
  }

  /** LAPACK's Cholesky inverse of the diagonal block at (o, o): the upper triangle is set. */
  private static void cholesky(double[] a, int o, int n, int ld) {
    LAPACK lapack = LAPACK.getInstance();
    intW info = new intW(0);
    lapack.dpotrf("U", n, a, o * ld + o, ld, info);
    check(info, "dpotrf");
    lapack.dpotri("U", n, a, o * ld + o, ld, info);
    check(info, "dpotri");
  }

  /** Copies the upper triangle of the diagonal block at (o, o) onto its lower triangle. */
  private static void mirrorUpperBlock(double[] a, int o, int n, int ld) {
    for (int col = 0; col < n; col++) {
      for (int row = col + 1; row < n; row++) {
        a[(o + col) * ld + o + row] = a[(o + row) * ld + o + col];
      }
    }
  }

  private static void mirrorUpper(double[] a, int n) {
    mirrorUpperBlock(a, 0, n, n);
  }

  private static void check(intW info, String routine) {
    if (info.val != 0) {
      throw new IllegalStateException(
          routine + " failed (info " + info.val + "): G + lambda I is not positive definite");
    }
  }
}
