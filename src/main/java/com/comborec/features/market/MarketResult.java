package com.comborec.features.market;

import com.comborec.core.StageResult;
import java.util.List;

/** The market stage's manifest section: signal coverage and the day's top movers. */
public record MarketResult(MarketResult.Market market) implements StageResult {

  /**
   * @param categories categories with a signal on the run day
   * @param itemsWithSignal products whose category has one
   * @param rising the categories with the highest trend (at most five)
   * @param falling the categories with the lowest trend (at most five)
   */
  public record Market(
      long categories,
      long itemsWithSignal,
      List<MarketMovers.CategoryTrend> rising,
      List<MarketMovers.CategoryTrend> falling) {}
}
