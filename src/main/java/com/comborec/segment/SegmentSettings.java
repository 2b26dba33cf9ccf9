package com.comborec.segment;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;

/**
 * How customers are segmented: KMeans' k, iterations and seed, the smallest segment that may be
 * published, and how many top categories and regions get their own feature column.
 */
public record SegmentSettings(
    int k, int minSize, int maxIterations, long seed, int topCategories, int topRegions) {
  /** The {@code comborec.segment} section. */
  public static final SettingsSection<SegmentSettings> SECTION =
      SettingsSection.of("segment", SegmentSettings::from);

  /**
   * Gender values with their own one-hot column; gender is low-cardinality, so not configurable.
   */
  public static final int TOP_GENDERS = 3;

  public static SegmentSettings from(Settings s) {
    return new SegmentSettings(
        s.intAtLeast("k", 1),
        s.intAtLeast("min-size", 1),
        s.intAtLeast("max-iterations", 1),
        s.longAtLeast("seed", Long.MIN_VALUE),
        s.intAtLeast("top-categories", 0),
        s.intAtLeast("top-regions", 0));
  }
}
