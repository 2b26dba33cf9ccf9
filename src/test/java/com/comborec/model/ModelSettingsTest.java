package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ComboConfig c = ComboConfig.defaults();
    assertEquals(new AlsParams(32, 0.05, 10, 15, 42, 5, 10), c.model().als());
    assertEquals(new ModelSettings.Eval(28, 10), c.model().eval());
    assertEquals("auto", c.model().serving());
    assertEquals(0.5, c.model().blendWeight(), 0);
    assertEquals(new ModelSettings.Gate(true, false, 0.8), c.model().gate());
    assertEquals(60, c.interactions().halfLifeDays(), 0);
    assertEquals("log1p", c.interactions().quantityDamping());
  }

  @Test
  void badValuesAreUsageErrorsNamingTheKey() {
    ComborecException e =
        assertThrows(
            ComborecException.class, () -> ComboConfig.defaults().with("model.serving=best"));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("comborec.model.serving"), e.getMessage());
    e =
        assertThrows(
            ComborecException.class, () -> ComboConfig.defaults().with("model.blend-weight=1.5"));
    assertTrue(e.getMessage().contains("comborec.model.blend-weight"), e.getMessage());
    e =
        assertThrows(
            ComborecException.class,
            () -> ComboConfig.defaults().with("interactions.quantity-damping=sqrt"));
    assertTrue(e.getMessage().contains("comborec.interactions.quantity-damping"), e.getMessage());
  }

  @Test
  void overrideTurnsTheGateOffForOneRun() {
    assertTrue(!ComboConfig.defaults().with("model.gate.override=true").model().gate().active());
    assertTrue(!ComboConfig.defaults().with("model.gate.enabled=false").model().gate().active());
  }
}
