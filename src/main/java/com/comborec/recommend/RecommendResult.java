package com.comborec.recommend;

import com.comborec.core.StageResult;
import java.util.Map;

/**
 * The recommend stage's manifest sections: {@code recommend} (users, strategies, list lengths, how
 * personal lists were scored) and {@code responsible} (the diversity settings in force and the
 * published lists' exposure, coverage and diversity figures, see ExposureMetrics).
 */
public record RecommendResult(RecommendResult.Recommend recommend, Map<String, Object> responsible)
    implements StageResult {

  /**
   * @param strategies users served by each strategy
   * @param shortLists users with fewer than top-n items
   * @param alsUsersScored users scored by TopN (null when ALS does not serve)
   * @param topnKernel native sgemm or the Java tile kernel (null when ALS does not serve)
   */
  public record Recommend(
      long users,
      String serving,
      String modelVersion,
      Map<String, Long> strategies,
      long shortLists,
      long emptyLists,
      Long alsUsersScored,
      String topnKernel) {}
}
