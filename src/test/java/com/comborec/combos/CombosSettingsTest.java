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
    assertEquals(new FbtSettings(2, 0.0, 0.05, 1.0, 10, "lift", 50), s.fbt(), "fbt defaults");
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
    assertRefused(base, "combos.similar.measure=euclid", "comborec.combos.similar.measure");
    assertRefused(base, "combos.similar.weights.title=-1", "comborec.combos.similar.weights.title");
  }

  static void assertRefused(ComboConfig base, String override, String key) {
    ComborecException e =
        assertThrows(ComborecException.class, () -> base.with(override), override);
    assertEquals(ExitCode.USAGE, e.exitCode(), override + ": exit code");
    assertTrue(
        e.getMessage().contains(key), override + ": message names " + key + ": " + e.getMessage());
  }
}
