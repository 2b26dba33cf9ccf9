package com.comborec.model.candidates;

/**
 * A bounded top-k of (neighbour id, score) in primitive arrays, reused item after item so the scan
 * allocates nothing per pair. Order: higher score first, ties by lower id; scores compare as Spark
 * SQL orders doubles (NaN above everything, 0.0 equal to -0.0), so the kept lists equal a window
 * sort by (score desc, id asc).
 */
final class NeighbourHeap {
  private final int k;
  private final int[] ids;
  private final double[] scores;
  private int size;

  NeighbourHeap(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.k = k;
    this.ids = new int[k];
    this.scores = new double[k];
  }

  void clear() {
    size = 0;
  }

  /** Keeps the candidate if it beats the worst kept one (the root) or the heap is not full. */
  void offer(int id, double score) {
    if (size < k) {
      ids[size] = id;
      scores[size] = score;
      siftUp(size++);
    } else if (worse(scores[0], ids[0], score, id)) {
      ids[0] = id;
      scores[0] = score;
      siftDown();
    }
  }

  /**
   * Writes the kept ids and scores best first into the arrays (length >= k) and empties the heap;
   * returns the count. Repeatedly taking the worst and filling from the back sorts in place.
   */
  int drainBestFirst(int[] idsOut, double[] scoresOut) {
    int n = size;
    while (size > 0) {
      idsOut[size - 1] = ids[0];
      scoresOut[size - 1] = scores[0];
      size--;
      ids[0] = ids[size];
      scores[0] = scores[size];
      siftDown();
    }
    return n;
  }

  /**
   * True when (s1, id1) ranks below (s2, id2): a lower score, or the same score and a higher id.
   */
  static boolean worse(double s1, int id1, double s2, int id2) {
    int c = compareScores(s1, s2);
    return c < 0 || (c == 0 && id1 > id2);
  }

  /** Spark SQL's order of doubles: NaN is the largest and equals NaN, 0.0 equals -0.0. */
  static int compareScores(double a, double b) {
    return a == b ? 0 : Double.compare(a, b);
  }

  private void siftUp(int pos) {
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      if (!worse(scores[pos], ids[pos], scores[parent], ids[parent])) {
        return;
      }
      swap(pos, parent);
      pos = parent;
    }
  }

  private void siftDown() {
    int pos = 0;
    while (true) {
      int worst = pos;
      for (int child = 2 * pos + 1; child <= 2 * pos + 2 && child < size; child++) {
        if (worse(scores[child], ids[child], scores[worst], ids[worst])) {
          worst = child;
        }
      }
      if (worst == pos) {
        return;
      }
      swap(pos, worst);
      pos = worst;
    }
  }

  private void swap(int a, int b) {
    int i = ids[a];
    ids[a] = ids[b];
    ids[b] = i;
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}
