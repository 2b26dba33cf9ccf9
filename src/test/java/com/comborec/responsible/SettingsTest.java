package com.comborec.responsible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.privacy.PrivacySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The responsible and privacy sections: defaults off, bad values and pasted keys refused with exit
 * 2.
 */
class SettingsTest {
  @TempDir Path dir;

  @Test
  void defaultsAreOff() {
    ComboConfig c = TestConfig.defaults();
    assertEquals(
        ResponsibleSettings.off(), c.get(ResponsibleSettings.SECTION), "responsible defaults");
    assertFalse(c.get(ResponsibleSettings.SECTION).enabled(), "diversity control off by default");
    assertEquals(PrivacySettings.off(), c.get(PrivacySettings.SECTION), "privacy defaults");
  }

  @Test
  void outOfRangeValuesNameTheKey() {
    assertRefused("responsible.mmr-lambda=1.5", "comborec.responsible.mmr-lambda");
    assertRefused("responsible.max-per-category=-1", "comborec.responsible.max-per-category");
    assertRefused(
        "responsible.popularity-debias-power=-0.5", "comborec.responsible.popularity-debias-power");
    assertRefused("privacy.retention-days=30", "comborec.privacy.retention-days");
  }

  /**
   * A key under any key-like name is refused (by load as an unknown key, by the section itself
   * otherwise).
   */
  @Test
  void aKeyInTheConfigIsRefused() {
    String pasted = "s3cret-s3cret-s3cret-s3cret-s3cret";
    assertRefused("privacy.key=\"" + pasted + "\"", "comborec.privacy.key");
    ComborecException e =
        assertThrows(
            ComborecException.class,
            () -> TestConfig.load(List.of("privacy.secret=\"" + pasted + "\"")));
    assertEquals(ExitCode.USAGE, e.exitCode(), "load: exit 2");
    assertFalse(e.getMessage().contains(pasted), "message echoes the value: " + e.getMessage());
  }

  /**
   * A key pasted where the variable NAME belongs is refused, and the message does not repeat it.
   */
  @Test
  void aLiteralKeyInKeyEnvIsRefusedWithoutEchoingIt() {
    for (String pasted :
        new String[] {
          "9f86d081884c7d659a2feaa0c55ad015",
          "9F86D081884C7D659A2FEAA0C55AD015",
          "c2VjcmV0LWtleS1tYXRlcmlhbA=="
        }) {
      ComborecException e =
          assertThrows(
              ComborecException.class,
              () -> TestConfig.defaults().with("privacy.key-env=\"" + pasted + "\""),
              pasted);
      assertEquals(ExitCode.USAGE, e.exitCode(), "exit code for " + pasted);
      assertTrue(e.getMessage().contains("comborec.privacy.key-env"), e.getMessage());
      assertFalse(e.getMessage().contains(pasted), "message echoes the value: " + e.getMessage());
    }
    assertEquals(
        "OTHER_KEY_VAR",
        TestConfig.defaults()
            .with("privacy.key-env=OTHER_KEY_VAR")
            .get(PrivacySettings.SECTION)
            .keyEnv(),
        "a proper variable name is accepted");
  }

  @Test
  void pseudonymizeOnChecksTheKeyBeforeAnythingRuns() throws Exception {
    ComborecException e =
        assertThrows(
            ComborecException.class,
            () ->
                TestConfig.defaults()
                    .with(
                        "privacy.pseudonymize=true",
                        "privacy.key-env=COMBOREC_TEST_SURELY_UNSET_VARIABLE"));
    assertEquals(ExitCode.USAGE, e.exitCode(), "no key: exit 2");
    Path key = dir.resolve("key");
    Files.writeString(key, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
    PrivacySettings p =
        TestConfig.defaults()
            .with("privacy.pseudonymize=true", "privacy.key-file=\"" + key + "\"")
            .get(PrivacySettings.SECTION);
    assertTrue(p.pseudonymize(), "on with a key file");
    assertEquals(
        180,
        TestConfig.defaults()
            .with("privacy.retention-days=180")
            .get(PrivacySettings.SECTION)
            .retentionDays(),
        "retention equal to the look-back is allowed");
  }

  private static void assertRefused(String override, String key) {
    ComborecException e =
        assertThrows(ComborecException.class, () -> TestConfig.defaults().with(override), override);
    assertEquals(ExitCode.USAGE, e.exitCode(), override);
    assertTrue(e.getMessage().contains(key), override + ": " + e.getMessage());
  }
}
