package com.comborec.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The spec validates itself: a bad value is a usage error (exit 2) naming the field. */
class GeneratorSpecTest {
  private static final LocalDate D = LocalDate.of(2026, 1, 1);

  @Test
  void defaultsAndWithers() {
    GeneratorSpec s =
        GeneratorSpec.defaults("out", D, D.plusDays(9)).withEvents(5_000).withFeedbackRoot(" ");
    assertEquals(10, s.days(), "days from 1 Jan to 10 Jan inclusive");
    assertEquals(5_000, s.events(), "events");
    assertEquals(42L, s.seed(), "default seed");
    assertNull(s.feedbackRoot(), "a blank feedback root means none");
  }

  @Test
  void badValuesAreUsageErrorsNamingTheField() {
    assertRefused(() -> GeneratorSpec.defaults("out", D, D.minusDays(1)), "generator to:");
    assertRefused(() -> GeneratorSpec.defaults("out", D, D).withItems(10), "generator items:");
    assertRefused(
        () -> GeneratorSpec.defaults("out", D, D).withMalformedFraction(0.5),
        "generator malformed-fraction:");
    // 10 days need at least 1,000 events (100 a day) so every file can hold its planted rows.
    assertRefused(
        () -> GeneratorSpec.defaults("out", D, D.plusDays(9)).withEvents(999), "generator events:");
  }

  private static void assertRefused(
      org.junit.jupiter.api.function.Executable build, String prefix) {
    ComborecException e = assertThrows(ComborecException.class, build, prefix);
    assertEquals(ExitCode.USAGE, e.exitCode(), "exit code of " + prefix);
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }
}
