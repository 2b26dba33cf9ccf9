package com.comborec.core;

/**
 * A failure that maps onto one of the contract's exit codes, with a message meant for the operator.
 */
public class ComborecException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  /** What the failing stage had measured when it refused the run, for the manifest. */
  private transient StageResult partialResult;

  public ComborecException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public ComborecException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /**
   * Attaches what the stage measured before refusing (e.g. the input counts behind a data quality
   * refusal), so the failed run's manifest still shows the figures that explain it.
   */
  public ComborecException withPartialResult(StageResult result) {
    this.partialResult = result;
    return this;
  }

  /** The stage's figures up to the refusal, or null. */
  public StageResult partialResult() {
    return partialResult;
  }

  /** Bad usage or configuration: exit 2. */
  public static ComborecException usage(String format, Object... args) {
    return new ComborecException(ExitCode.USAGE, String.format(format, args));
  }

  /** Input contract violated (missing source, file or columns): exit 3. */
  public static ComborecException inputContract(String format, Object... args) {
    return new ComborecException(ExitCode.INPUT_CONTRACT, String.format(format, args));
  }

  /** The data quality gate refused the run: exit 4. */
  public static ComborecException dataQuality(String format, Object... args) {
    return new ComborecException(ExitCode.DATA_QUALITY, String.format(format, args));
  }

  /** The model quality gate refused the run: exit 5. */
  public static ComborecException modelQuality(String format, Object... args) {
    return new ComborecException(ExitCode.MODEL_QUALITY, String.format(format, args));
  }

  /** Fails with exit 2 naming the key unless the condition holds. */
  public static void checkConfig(boolean condition, String key, String format, Object... args) {
    if (!condition) {
      throw usage("configuration key '%s': %s", key, String.format(format, args));
    }
  }
}
