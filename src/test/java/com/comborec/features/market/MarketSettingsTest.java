package com.comborec.features.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.core.ComborecException;
import org.junit.jupiter.api.Test;

/** comborec.market is read, defaulted and validated. */
class MarketSettingsTest {
  @Test
  void defaultsComeFromReferenceConf() {
    assertEquals(
        MarketSettings.defaults(),
        TestConfig.defaults().get(MarketSettings.SECTION),
        "comborec.market defaults");
  }

  @Test
  void overridesAreRead() {
    MarketSettings s =
        TestConfig.defaults()
            .with("market.short-window-days=3", "market.max-boost=2.0")
            .get(MarketSettings.SECTION);
    assertEquals(3, s.shortWindowDays(), "short-window-days");
    assertEquals(2.0, s.maxBoost(), 1e-12, "max-boost");
  }

  @Test
  void aLongWindowNotAboveTheShortOneIsRefusedNamingTheKey() {
    ComborecException e =
        assertThrows(
            ComborecException.class, () -> TestConfig.defaults().with("market.long-window-days=7"));
    assertTrue(e.getMessage().contains("comborec.market.long-window-days"), e.getMessage());
  }

  @Test
  void aMaxBoostBelowOneIsRefused() {
    ComborecException e =
        assertThrows(
            ComborecException.class, () -> TestConfig.defaults().with("market.max-boost=0.8"));
    assertTrue(e.getMessage().contains("comborec.market.max-boost"), e.getMessage());
  }
}
