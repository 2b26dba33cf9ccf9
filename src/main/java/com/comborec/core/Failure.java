package com.comborec.core;

/**
 * A failed run as an operator needs to see it: the exit code, one line saying what failed, and the
 * innermost cause. Any throwable maps to one: a {@link ComborecException} anywhere in the cause
 * chain (also one thrown inside a Spark task) gives its exit code and message; anything else is
 * exit 1, described by its first line and its root cause rather than a stack trace.
 *
 * @param rootCause the innermost cause, one line; null when the message says it all
 */
public record Failure(ExitCode exit, String message, String rootCause) {

  public static Failure of(Throwable t) {
    ComborecException ours = find(t);
    Throwable root = root(t);
    String rootLine = root == ours ? null : describe(root);
    if (ours != null) {
      return new Failure(ours.exitCode(), ours.getMessage(), rootLine);
    }
    String what =
        t.getClass().getName().startsWith("org.apache.spark.") ? "a Spark job failed" : describe(t);
    return new Failure(ExitCode.FAILURE, what + (root == t ? "" : ": " + describe(root)), null);
  }

  /** Whether the failure is one comborec expected (a contract exit code), not a crash or bug. */
  public static boolean expected(Throwable t) {
    ComborecException ours = find(t);
    return ours != null && root(t) == ours;
  }

  /** The failure as the exception the command line reports, keeping the original as cause. */
  public ComborecException asException(Throwable cause) {
    if (cause instanceof ComborecException c && c.exitCode() == exit) {
      return c;
    }
    return new ComborecException(exit, message, cause);
  }

  /** "SimpleName: first line of the message". */
  public static String describe(Throwable t) {
    String msg = t.getMessage();
    String name = t.getClass().getName();
    if (msg == null || msg.isBlank()) {
      return name;
    }
    int nl = msg.indexOf('\n');
    return name + ": " + (nl < 0 ? msg : msg.substring(0, nl)).trim();
  }

  private static ComborecException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ComborecException ce) {
        return ce;
      }
    }
    return null;
  }

  private static Throwable root(Throwable t) {
    Throwable c = t;
    int depth = 0;
    while (c.getCause() != null && c.getCause() != c && depth++ < 50) {
      c = c.getCause();
    }
    return c;
  }
}
