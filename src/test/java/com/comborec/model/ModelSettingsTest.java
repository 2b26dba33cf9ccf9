package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.features.InteractionSettings;
import com.comborec.model.candidates.AlsParams;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ComboConfig c = TestConfig.defaults();
    assertEquals(new AlsParams(32, 0.05, 10, 15, 42, 5, 10), c.get(ModelSettings.SECTION).als());
    assertEquals(new ModelSettings.Eval(28, 10), c.get(ModelSettings.SECTION).eval());
    assertEquals("auto", c.get(ModelSettings.SECTION).serving());
    assertEquals(0.5, c.get(ModelSettings.SECTION).blendWeight(), 0);
    assertEquals(new ModelSettings.Gate(true, false, 0.8), c.get(ModelSettings.SECTION).gate());
    assertEquals(60, c.get(InteractionSettings.SECTION).halfLifeDays(), 0);
    assertEquals("log1p", c.get(InteractionSettings.SECTION).quantityDamping());
  }

  @Test
  void badValuesAreUsageErrorsNamingTheKey() {
    ComborecException e =
        assertThrows(
            ComborecException.class, () -> TestConfig.defaults().with("model.serving=best"));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("comborec.model.serving"), e.getMessage());
    e =
        assertThrows(
            ComborecException.class, () -> TestConfig.defaults().with("model.blend-weight=1.5"));
    assertTrue(e.getMessage().contains("comborec.model.blend-weight"), e.getMessage());
    e =
        assertThrows(
            ComborecException.class,
            () -> TestConfig.defaults().with("interactions.quantity-damping=sqrt"));
    assertTrue(e.getMessage().contains("comborec.interactions.quantity-damping"), e.getMessage());
  }

  @Test
  void overrideTurnsTheGateOffForOneRun() {
    assertTrue(
        !TestConfig.defaults()
            .with("model.gate.override=true")
            .get(ModelSettings.SECTION)
            .gate()
            .active());
    assertTrue(
        !TestConfig.defaults()
            .with("model.gate.enabled=false")
            .get(ModelSettings.SECTION)
            .gate()
            .active());
  }
}
