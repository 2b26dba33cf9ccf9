package com.comborec.model.itemitem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class SpdInverseTest {
  /** 301 = 150 + 151, each split again: three levels of blocks above the Cholesky leaves. */
  static final int N = 301;

  @Test
  void matchesLapacksCholeskyInverseOnADenseMatrix() {
    double[] a = denseSpd(N, 3);
    double[] expected = SpdInverse.choleskyInverse(a.clone(), N);
    double[] actual = SpdInverse.invert(a.clone(), N);
    for (int i = 0; i < N * N; i++) {
      assertEquals(expected[i], actual[i], 1e-12 * Math.abs(expected[i]) + 1e-15, "entry " + i);
    }
  }

  @Test
  void timesTheMatrixIsTheIdentityAndIsExactlySymmetric() {
    double[] a = denseSpd(N, 5);
    double[] p = SpdInverse.invert(a.clone(), N);
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        double sum = 0;
        for (int k = 0; k < N; k++) {
          sum += a[i * N + k] * p[k * N + j];
        }
        assertEquals(i == j ? 1.0 : 0.0, sum, 1e-10, "(A P)[" + i + "][" + j + "]");
        assertEquals(p[i * N + j], p[j * N + i], 0.0, "P[" + i + "][" + j + "] mirrored");
      }
    }
  }

  @Test
  void theSameBitsOnOneThreadAsOnMany() throws Exception {
    double[] a = denseSpd(N, 7);
    double[] many = SpdInverse.invert(a.clone(), N);
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      double[] single = one.submit(() -> SpdInverse.invert(a.clone(), N)).get();
      assertArrayEquals(many, single, 0.0);
    } finally {
      one.shutdown();
    }
  }

  @Test
  void refusesAMatrixThatIsNotPositiveDefinite() {
    double[] a = denseSpd(N, 9);
    a[(N - 1) * N + N - 1] = -1e6; // the last Schur complement turns negative
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SpdInverse.invert(a, N));
    assertEquals(true, e.getMessage().contains("not positive definite"), e.getMessage());
  }

  /** MᵀM / n + I for a random n x n M: dense, symmetric, well conditioned. */
  static double[] denseSpd(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] m = new double[n * n];
    for (int i = 0; i < m.length; i++) {
      m[i] = random.nextDouble(-1, 1);
    }
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += m[k * n + i] * m[k * n + j];
        }
        a[i * n + j] = sum / n + (i == j ? 1 : 0);
      }
    }
    return a;
  }
}
