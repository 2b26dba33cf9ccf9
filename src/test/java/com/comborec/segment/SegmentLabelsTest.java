package com.comborec.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label generation from segment statistics (plain Java). */
class SegmentLabelsTest {
  private static final Map<String, String> NAMES = names();

  private static Map<String, String> names() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("share_kitchen", "kitchen");
    out.put("share_garden", "garden");
    return out;
  }

  private static SegmentStats stats(
      int id,
      long users,
      double frequency,
      double monetary,
      double kitchen,
      double garden,
      double other) {
    return new SegmentStats(
        id,
        users,
        Map.of(
            "frequency",
            frequency,
            "monetary",
            monetary,
            "share_kitchen",
            kitchen,
            "share_garden",
            garden,
            "share_other",
            other));
  }

  /**
   * Frequency 5 / 2 / 1 (overall (50 + 20 + 20) / 40 = 2.25), spend 500 / 100 / 20: ranks give
   * terciles 2, 1, 0, and the top is above and the bottom below the overall mean. Dominant
   * category: kitchen 0.6, garden 0.5, and 'other' 0.8 (long tail) -> mixed. s3 bought nothing: 'no
   * purchases', and it is left out of the ranks and the means above.
   */
  @Test
  void labelsCombineFrequencySpendAndCategory() {
    Map<Integer, String> labels =
        SegmentLabels.labels(
            List.of(
                stats(0, 10, 5, 500, 0.6, 0.1, 0.3),
                stats(1, 10, 2, 100, 0.2, 0.5, 0.3),
                stats(2, 20, 1, 20, 0.1, 0.1, 0.8),
                stats(3, 20, 0, 0, 0, 0, 0)),
            NAMES);
    assertEquals("frequent · high spend · kitchen", labels.get(0), "segment 0 label");
    assertEquals("regular · mid spend · garden", labels.get(1), "segment 1 label");
    assertEquals("occasional · low spend · mixed", labels.get(2), "segment 2 label");
    assertEquals("no purchases", labels.get(3), "segment 3 label");
  }

  @Test
  void oneSegmentIsTheMiddle() {
    assertEquals(
        "regular · mid spend · garden",
        SegmentLabels.labels(List.of(stats(0, 30, 2, 50, 0.1, 0.7, 0.2)), NAMES).get(0));
  }

  /** Two segments 1 and 3 (mean 2): bottom and top. Three equal ones share the middle. */
  @Test
  void tercilesOfFewSegments() {
    assertArrayEquals(
        new int[] {0, 2},
        SegmentLabels.terciles(
            List.of(stats(0, 10, 1, 0, 0, 0, 0), stats(1, 10, 3, 0, 0, 0, 0)), "frequency"));
    assertArrayEquals(
        new int[] {1, 1, 1},
        SegmentLabels.terciles(
            List.of(
                stats(0, 10, 2, 0, 0, 0, 0),
                stats(1, 10, 2, 0, 0, 0, 0),
                stats(2, 10, 2, 0, 0, 0, 0)),
            "frequency"));
  }

  /**
   * Frequencies 1,1,1,1,10,100 with 1 user each: overall mean 114 / 6 = 19. Ranks put 10 and 100 in
   * the top tercile, but 10 is below the mean, so it is called regular, not frequent; the four tied
   * 1s lie below the mean, so they take the lowest rank (0 -> tercile 0), occasional.
   */
  @Test
  void theTopTercileMustAlsoBeAboveTheOverallMean() {
    assertArrayEquals(
        new int[] {0, 0, 0, 0, 1, 2},
        SegmentLabels.terciles(
            List.of(
                stats(0, 1, 1, 0, 0, 0, 0),
                stats(1, 1, 1, 0, 0, 0, 0),
                stats(2, 1, 1, 0, 0, 0, 0),
                stats(3, 1, 1, 0, 0, 0, 0),
                stats(4, 1, 10, 0, 0, 0, 0),
                stats(5, 1, 100, 0, 0, 0, 0)),
            "frequency"));
  }

  @Test
  void noCategoryShareMeansNoCategoryWord() {
    assertEquals(
        "regular · mid spend",
        SegmentLabels.labels(List.of(stats(0, 30, 2, 50, 0, 0, 0)), Map.of()).get(0));
  }
}
