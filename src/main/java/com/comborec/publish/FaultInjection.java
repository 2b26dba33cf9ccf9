package com.comborec.publish;

import com.comborec.core.Settings;

/**
 * Deliberate failures at named points of a run, for the tests that prove a failed run leaves the
 * previous outputs and LATEST alone. Off unless {@code comborec.faults.fail-at} names a point.
 */
public final class FaultInjection {
  public static final String[] POINTS = {
    "", "after-stages", "before-commit", "mid-commit", "before-latest"
  };
  private final String failAt;

  public FaultInjection(String failAt) {
    this.failAt = failAt;
  }

  public static FaultInjection from(Settings s) {
    return new FaultInjection(s.oneOf("fail-at", POINTS));
  }

  public void maybeFail(String point) {
    if (point.equals(failAt)) {
      throw new IllegalStateException(
          "injected failure at '" + point + "' (comborec.faults.fail-at)");
    }
  }
}
