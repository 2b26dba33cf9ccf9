package com.comborec.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Merging of too-small clusters and dense, ordered numbering (plain Java). */
class SegmentMergerTest {

  /**
   * min size 2. c0 (0,0) x5, c1 (10,0) x4, c2 (8,0) x1, c3 (0,3) x1. c2 (smallest, first) ->
   * nearest big enough: c1 (distance^2 4) not c0 (64); c1 = 5 users at (9.6,0). c3 -> c0 (9) not c1
   * (9.6^2 + 9); c0 = 6 users. Ids by size: c0 group 0, c1 group 1.
   */
  @Test
  void smallClustersJoinTheirNearestLargeEnoughCluster() {
    SegmentMerger.Plan plan =
        SegmentMerger.plan(
            new double[][] {{0, 0}, {10, 0}, {8, 0}, {0, 3}}, new long[] {5, 4, 1, 1}, 2);
    assertArrayEquals(new int[] {0, 1, 1, 0}, plan.segmentOfCluster(), "segment of each cluster");
    assertArrayEquals(new long[] {6, 5}, plan.sizes(), "sizes by segment id");
  }

  /**
   * min size 3. c0 (0) x1 must join c2 (10) x3, the only big-enough one, though c1 (1) is nearer.
   */
  @Test
  void aSmallClusterPrefersALargeEnoughOneOverANearerSmallOne() {
    SegmentMerger.Plan plan =
        SegmentMerger.plan(new double[][] {{0}, {1}, {10}}, new long[] {1, 1, 3}, 3);
    assertArrayEquals(new int[] {0, 0, 0}, plan.segmentOfCluster(), "segment of each cluster");
    assertArrayEquals(new long[] {5}, plan.sizes(), "sizes by segment id");
  }

  /** min size 10: nothing reaches it, so everything ends in one (unpublished) segment. */
  @Test
  void allTooSmallEndInOneSegment() {
    SegmentMerger.Plan plan =
        SegmentMerger.plan(new double[][] {{0}, {1}, {5}}, new long[] {2, 3, 1}, 10);
    assertArrayEquals(new int[] {0, 0, 0}, plan.segmentOfCluster(), "segment of each cluster");
    assertArrayEquals(new long[] {6}, plan.sizes(), "sizes by segment id");
  }

  /**
   * Equal sizes are ordered by centroid: c1 (1,0) before c0 (5,0); the empty c2 gets no segment.
   */
  @Test
  void tiesAreNumberedByCentroidAndEmptyClustersDropped() {
    SegmentMerger.Plan plan =
        SegmentMerger.plan(new double[][] {{5, 0}, {1, 0}, {0, 0}}, new long[] {3, 3, 0}, 2);
    assertArrayEquals(new int[] {1, 0, -1}, plan.segmentOfCluster(), "segment of each cluster");
    assertArrayEquals(new long[] {3, 3}, plan.sizes(), "sizes by segment id");
  }

  @Test
  void noClustersGiveNoSegments() {
    SegmentMerger.Plan plan = SegmentMerger.plan(new double[0][], new long[0], 2);
    assertArrayEquals(new long[0], plan.sizes(), "sizes by segment id");
  }

  @Test
  void mismatchedInputIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SegmentMerger.plan(new double[][] {{0}}, new long[] {1, 2}, 1));
  }
}
