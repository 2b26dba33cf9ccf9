package com.comborec.segment;

import com.comborec.core.StageResult;
import java.util.List;

/** The segment stage's manifest section (see {@link SegmentationResult.Summary} for the fields). */
public record SegmentResult(SegmentResult.Segment segment) implements StageResult {

  /** {@code silhouette} is null with fewer than two segments. */
  public record Segment(
      long users,
      int kRequested,
      int kFitted,
      int kAfterMerges,
      List<Long> sizes,
      int profilesPublished,
      Double silhouette) {}

  static SegmentResult of(SegmentationResult.Summary s) {
    return new SegmentResult(
        new Segment(
            s.users(),
            s.kRequested(),
            s.kFitted(),
            s.segments(),
            s.sizes(),
            s.profilesPublished(),
            s.silhouette()));
  }
}
