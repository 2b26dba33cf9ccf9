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
import com.comborec.model.candidates.Generator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ComboConfig c = TestConfig.defaults();
    assertEquals(new AlsParams(64, 0.05, 10, 15, 42, 5, 10), c.get(ModelSettings.SECTION).als());
    assertEquals(
        new ModelSettings.Eval(
            10,
            3,
            14,
            5000,
            28,
            List.of(Serving.EASE, Serving.ITEM_KNN, Serving.BLEND, Serving.RANKER),
            List.of(Generator.POP7, Generator.POP14, Generator.POP30),
            java.time.LocalDate.of(1970, 1, 4)),
        c.get(ModelSettings.SECTION).eval());
    assertEquals("auto", c.get(ModelSettings.SECTION).serving());
    assertEquals(List.of(0.1, 0.25, 0.5, 1.0), c.get(ModelSettings.SECTION).blendWeights());
    assertEquals(new ModelSettings.Ease(300, 3000), c.get(ModelSettings.SECTION).ease());
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
            ComborecException.class, () -> TestConfig.defaults().with("model.ease.lambda=0"));
    assertTrue(e.getMessage().contains("comborec.model.ease.lambda"), e.getMessage());
    e =
        assertThrows(
            ComborecException.class,
            () -> TestConfig.defaults().with("model.eval.options=[ease, popular]"));
    assertTrue(e.getMessage().contains("comborec.model.eval.options"), e.getMessage());
    e =
        assertThrows(
            ComborecException.class,
            () -> TestConfig.defaults().with("model.ranker.generators=[ease, magic]"));
    assertTrue(e.getMessage().contains("comborec.model.ranker.generators"), e.getMessage());
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
