package com.comborec.scoring;

import dev.ludovic.netlib.blas.BLAS;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Single-thread throughput probes for {@link TopNBenchmark}: netlib's sgemm and TopN's block
 * scoring, each per second of the thread's CPU time so that other processes on a shared machine do
 * not lower the figure.
 */
final class ScoringRates {
  private ScoringRates() {}

  /**
   * Single-thread sgemm rate in the shape BlockScorer uses (item tile x user tile, inner = rank),
   * per second of the thread's CPU time, so other processes on the machine do not lower it.
   */
  static double sgemmGflops(int rank, int items) {
    int it = BlockScorer.ITEM_TILE;
    int ut = BlockScorer.USER_TILE;
    float[] a = new float[rank * it];
    float[] b = new float[rank * ut];
    float[] c = new float[it * ut];
    Arrays.fill(a, 0.5f);
    Arrays.fill(b, 0.25f);
    BLAS blas = BLAS.getInstance();
    double best = 0;
    java.lang.management.ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 5; round++) { // best of 5: the first rounds warm up the JIT
      long start = thread.getCurrentThreadCpuTime();
      int calls = 200;
      for (int i = 0; i < calls; i++) {
        blas.sgemm("T", "N", it, ut, rank, 1f, a, 0, rank, b, 0, rank, 0f, c, 0, it);
      }
      best =
          Math.max(
              best,
              2.0
                  * rank
                  * it
                  * ut
                  * calls
                  / ((thread.getCurrentThreadCpuTime() - start) / 1e9)
                  / 1e9);
    }
    return best;
  }

  /**
   * TopN's scoring rate on one thread: BlockScorer (multiply and top-k scan) on 1024 users against
   * up to 20000 items, counted as 2 * rank FLOPs per (user, item), per second of thread CPU time.
   */
  static double scoringGflops(int rank, int items, int k) {
    int n = Math.min(items, 20_000);
    FactorMatrix users = constantMatrix(1024, rank, 0.25f);
    FactorMatrix cols = constantMatrix(n, rank, 0.5f);
    java.lang.management.ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    double best = 0;
    for (int round = 0; round < 5; round++) { // best of 5: the first rounds warm up the JIT
      long start = thread.getCurrentThreadCpuTime();
      BlockScorer.score(users, null, cols, k);
      double seconds = (thread.getCurrentThreadCpuTime() - start) / 1e9;
      best = Math.max(best, 2.0 * rank * users.size() * n / seconds / 1e9);
    }
    return best;
  }

  private static FactorMatrix constantMatrix(int n, int rank, float value) {
    int[] ids = new int[n];
    float[] values = new float[n * rank];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
      values[i * rank + (i % rank)] = value * (1 + i % 7); // varied scores keep the heap busy
    }
    return new FactorMatrix(rank, ids, values);
  }
}
