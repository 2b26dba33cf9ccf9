package com.comborec.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Merges clusters below the minimum size into their nearest larger neighbour (by centroid
 * distance), repeatedly, then numbers the survivors 0..S-1 by size descending, then centroid, so
 * that ids are stable for the same input. Plain Java: no Spark.
 */
public final class SegmentMerger {

  /**
   * The outcome.
   *
   * @param segmentOfCluster the segment id of each input cluster; -1 for an empty cluster
   * @param sizes members per segment id
   */
  public record Plan(int[] segmentOfCluster, long[] sizes) {
    public int segments() {
      return sizes.length;
    }
  }

  /** A set of merged clusters with its size-weighted centroid. */
  private static final class Group {
    final int firstCluster;
    final List<Integer> clusters = new ArrayList<>();
    double[] centroid;
    long size;

    Group(int cluster, double[] centroid, long size) {
      this.firstCluster = cluster;
      this.clusters.add(cluster);
      this.centroid = centroid.clone();
      this.size = size;
    }

    void absorb(Group other) {
      long total = size + other.size;
      for (int d = 0; d < centroid.length; d++) {
        centroid[d] = (centroid[d] * size + other.centroid[d] * other.size) / total;
      }
      size = total;
      clusters.addAll(other.clusters);
    }
  }

  private static final Comparator<Group> ID_ORDER =
      Comparator.comparingLong((Group g) -> -g.size)
          .thenComparing((Group g) -> g.centroid, Arrays::compare)
          .thenComparingInt(g -> g.firstCluster);

  private SegmentMerger() {}

  /** Plans the merges for clusters with these centers and sizes (same length). */
  public static Plan plan(double[][] centers, long[] sizes, long minSize) {
    if (centers.length != sizes.length) {
      throw new IllegalArgumentException(
          "centers and sizes differ in length: " + centers.length + " vs " + sizes.length);
    }
    List<Group> groups = new ArrayList<>();
    for (int c = 0; c < sizes.length; c++) {
      if (sizes[c] > 0) {
        groups.add(new Group(c, centers[c], sizes[c]));
      }
    }
    mergeSmall(groups, minSize);
    groups.sort(ID_ORDER);
    return number(groups, sizes.length);
  }

  private static void mergeSmall(List<Group> groups, long minSize) {
    while (groups.size() > 1) {
      Group small = groups.stream().min(Comparator.comparingLong((Group g) -> g.size)).get();
      if (small.size >= minSize) {
        return;
      }
      nearest(small, groups, minSize).absorb(small);
      groups.remove(small);
    }
  }

  /** The nearest group that is big enough; while none is, the nearest of the others. */
  private static Group nearest(Group small, List<Group> groups, long minSize) {
    boolean anyBigEnough = groups.stream().anyMatch(g -> g != small && g.size >= minSize);
    Group best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (Group g : groups) {
      if (g == small || (anyBigEnough && g.size < minSize)) {
        continue;
      }
      double d = squaredDistance(small.centroid, g.centroid);
      if (d < bestDistance) {
        best = g;
        bestDistance = d;
      }
    }
    return best;
  }

  private static Plan number(List<Group> ordered, int clusters) {
    int[] segmentOf = new int[clusters];
    Arrays.fill(segmentOf, -1);
    long[] sizes = new long[ordered.size()];
    for (int id = 0; id < ordered.size(); id++) {
      sizes[id] = ordered.get(id).size;
      for (int c : ordered.get(id).clusters) {
        segmentOf[c] = id;
      }
    }
    return new Plan(segmentOf, sizes);
  }

  static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double diff = a[d] - b[d];
      sum += diff * diff;
    }
    return sum;
  }
}
