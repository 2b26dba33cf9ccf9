package com.comborec.core;

/**
 * The points of a run where a test may make it fail, to prove that a failed run leaves the previous
 * outputs and LATEST alone. Production code only marks them (see {@link RunHooks}).
 */
public enum FaultPoint {
  AFTER_STAGES,
  BEFORE_COMMIT,
  MID_COMMIT,
  BEFORE_LATEST
}
