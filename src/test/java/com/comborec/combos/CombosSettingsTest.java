package com.comborec.combos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import org.junit.jupiter.api.Test;

/**
 * The comborec.combos section: defaults from reference.conf, bad values refused with the key named.
 */
class CombosSettingsTest {
  @Test
  void defaults() {
    CombosSettings s = TestConfig.defaults().get(CombosSettings.SECTION);
    assertEquals(
        new FbtSettings(2, 0.0, 0.05, 1.0, 10, "auto", 5.0, true, 50, 28, 5),
        s.fbt(),
        "fbt defaults");
    assertEquals(
        new SimilarSettings(
            10, "distance", 20000, 200, new SimilarSettings.Weights(1.0, 0.5, 1.0, 0.5), 4096),
        s.similar(),
        "similar defaults");
  }

  @Test
  void refusesBadValuesNamingTheKey() {
    ComboConfig base = TestConfig.defaults();
    assertRefused(base, "combos.fbt.order=support", "comborec.combos.fbt.order");
    assertRefused(base, "combos.fbt.min-confidence=1.5", "comborec.combos.fbt.min-confidence");
    assertRefused(base, "combos.fbt.max-basket-items=1", "comborec.combos.fbt.max-basket-items");
    assertRefused(base, "combos.fbt.eval-k=11", "comborec.combos.fbt.eval-k");
    assertRefused(base, "combos.fbt.eval-days=-1", "comborec.combos.fbt.eval-days");
    // The default look-back is 180 days: measuring all of them would leave nothing to mine.
    assertRefused(base, "combos.fbt.eval-days=180", "comborec.combos.fbt.eval-days");
    assertRefused(base, "combos.fbt.shrink-baskets=-1", "comborec.combos.fbt.shrink-baskets");
    assertRefused(base, "combos.similar.measure=euclid", "comborec.combos.similar.measure");
    assertRefused(base, "combos.similar.weights.title=-1", "comborec.combos.similar.weights.title");
  }

  @Test
  void acceptsEveryOrderingAndNoMeasurement() {
    ComboConfig base = TestConfig.defaults();
    for (String code : FbtOrder.codes()) {
      FbtSettings s = base.with("combos.fbt.order=" + code).get(CombosSettings.SECTION).fbt();
      assertEquals(FbtOrder.of(code), s.pinned(), code);
      assertTrue(!s.auto(), code + " is pinned");
    }
    FbtSettings off = base.with("combos.fbt.eval-days=0").get(CombosSettings.SECTION).fbt();
    assertTrue(!off.measured(), "eval-days 0 measures nothing");
  }

  static void assertRefused(ComboConfig base, String override, String key) {
    ComborecException e =
        assertThrows(ComborecException.class, () -> base.with(override), override);
    assertEquals(ExitCode.USAGE, e.exitCode(), override + ": exit code");
    assertTrue(
        e.getMessage().contains(key), override + ": message names " + key + ": " + e.getMessage());
  }
}
