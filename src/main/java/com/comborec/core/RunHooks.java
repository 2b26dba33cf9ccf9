package com.comborec.core;

/**
 * Called as a run reaches each {@link FaultPoint}. Every command passes {@link #NONE}; only tests
 * pass a hook that throws, so no configuration key or code path of the product can inject a
 * failure.
 */
@FunctionalInterface
public interface RunHooks {
  RunHooks NONE = point -> {};

  void reached(FaultPoint point);
}
