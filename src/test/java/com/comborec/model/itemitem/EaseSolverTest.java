package com.comborec.model.itemitem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EaseSolverTest {
  /**
   * Users {A,B}, {A,B,C}, {C,D}, {A} give the Gram matrix
   *
   * <pre>
   *       A  B  C  D
   *   A   3  2  1  0
   *   B   2  2  1  0
   *   C   1  1  2  1
   *   D   0  0  1  1
   * </pre>
   *
   * With lambda 1, G + I has determinant 68 and inverse P (adjugate / 68):
   *
   * <pre>
   *   P = 1/34 [ 13  -8  -2   1 ]
   *            [ -8  18  -4   2 ]
   *            [ -2  -4  16  -8 ]
   *            [  1   2  -8  21 ]
   * </pre>
   *
   * B[i][j] = -P[i][j] / P[j][j]: e.g. B[A][B] = 8/18 = 4/9, B[B][A] = 8/13, B[C][D] = 8/21,
   * B[A][D] = -1/21; the diagonal is 0.
   */
  @Test
  void weightsMatchTheHandComputedFourItemExample() {
    double[] gram = {
      3, 2, 1, 0,
      2, 2, 1, 0,
      1, 1, 2, 1,
      0, 0, 1, 1
    };
    float[] expected = {
      0f, 4f / 9, 1f / 8, -1f / 21, 8f / 13, 0f, 1f / 4, -2f / 21, 2f / 13, 2f / 9, 0f, 8f / 21,
      -1f / 13, -1f / 9, 1f / 2, 0f
    };
    assertArrayEquals(expected, EaseSolver.weights(gram, 4, 1.0), 1e-6f);
  }

  @Test
  void refusesAWrongSizeOrANonPositiveLambda() {
    assertThrows(IllegalArgumentException.class, () -> EaseSolver.weights(new double[3], 2, 1.0));
    assertThrows(IllegalArgumentException.class, () -> EaseSolver.weights(new double[4], 2, 0.0));
  }
}
