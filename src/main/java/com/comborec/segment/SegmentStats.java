package com.comborec.segment;

import java.util.Map;

/**
 * One segment's size and mean features in original units (a feature nobody in the segment has, such
 * as an unknown age, is absent rather than null).
 */
public record SegmentStats(int segmentId, long users, Map<String, Double> features) {
  public double feature(String name) {
    return features.getOrDefault(name, 0.0);
  }
}
