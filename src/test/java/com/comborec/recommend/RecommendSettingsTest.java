package com.comborec.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import org.junit.jupiter.api.Test;

/**
 * The comborec.recommend section: defaults as documented, bad values refused with the key named.
 */
class RecommendSettingsTest {
  @Test
  void defaultsMatchReferenceConf() {
    assertEquals(
        new RecommendSettings(10, 2, 30, 4096, 3),
        TestConfig.defaults().get(RecommendSettings.SECTION));
    assertEquals(
        30,
        TestConfig.defaults().get(RecommendSettings.SECTION).candidatePool(),
        "10 x 3 candidates");
  }

  @Test
  void refusesAnEmptyListLength() {
    ComborecException e =
        assertThrows(
            ComborecException.class, () -> TestConfig.defaults().with("recommend.top-n=0"));
    assertEquals(ExitCode.USAGE, e.exitCode(), "exit code");
    assertTrue(e.getMessage().contains("comborec.recommend.top-n"), e.getMessage());
  }
}
