package com.comborec.recommend;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;
import java.time.LocalDate;

/**
 * How recommendation lists are built: list length, the dismiss filter, the history needed for a
 * personal list, the scoring block size and the candidate pool size.
 */
public record RecommendSettings(
    int topN, int minInteractions, int dismissDays, int blockSize, int candidateMultiplier) {
  /** The {@code comborec.recommend} section. */
  public static final SettingsSection<RecommendSettings> SECTION =
      SettingsSection.of("recommend", RecommendSettings::from);

  public static RecommendSettings from(Settings s) {
    return new RecommendSettings(
        s.intAtLeast("top-n", 1),
        s.intAtLeast("min-interactions", 1),
        s.intAtLeast("dismiss-days", 1),
        s.intAtLeast("block-size", 1),
        s.intAtLeast("candidate-multiplier", 1));
  }

  /**
   * The first feedback partition day whose dismissals still apply on {@code runDate}: an item
   * dismissed on day X is never listed in the runs of X .. X + dismiss-days - 1 (while the age
   * {@code runDate - X} is below dismiss-days) and may be listed again from X + dismiss-days on.
   */
  public LocalDate dismissFrom(LocalDate runDate) {
    return runDate.minusDays(dismissDays - 1L);
  }

  /**
   * How many candidates each source contributes per user before merging: top-n times the
   * multiplier.
   */
  public int candidatePool() {
    return Math.multiplyExact(topN, candidateMultiplier);
  }
}
