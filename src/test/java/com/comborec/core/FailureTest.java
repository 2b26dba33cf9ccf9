package com.comborec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** Any throwable becomes an exit code, one line and a root cause, never a stack trace. */
class FailureTest {
  @Test
  void ourExceptionKeepsItsExitCodeEvenInsideASparkFailure() {
    ComborecException ours = ComborecException.inputContract("events.csv.gz: cannot be read");
    Failure f = Failure.of(new SparkException("Job aborted due to stage failure", ours));
    assertEquals(ExitCode.INPUT_CONTRACT, f.exit());
    assertEquals("events.csv.gz: cannot be read", f.message());
    assertNull(f.rootCause(), "the message says it all");
    assertTrue(Failure.expected(ours));
  }

  @Test
  void aCheckedSparkExceptionIsExit1WithItsRootCauseOnOneLine() {
    SparkException spark =
        new SparkException(
            "Job aborted due to stage failure: Task 0 in stage 3.0 failed\n\tat x.y(Z.java:1)",
            new FileNotFoundException("File file:/out/_work/validated/x does not exist"));
    Failure f = Failure.of(spark);
    assertEquals(ExitCode.FAILURE, f.exit());
    assertEquals(
        "a Spark job failed: java.io.FileNotFoundException: File file:/out/_work/validated/x does"
            + " not exist",
        f.message());
    assertFalse(f.message().contains("\n"));
    assertFalse(Failure.expected(spark));
  }

  @Test
  void aWrappedFailureOfOursNamesTheForeignRootCause() {
    ComborecException wrapped =
        new ComborecException(
            ExitCode.INPUT_CONTRACT, "p.csv: cannot read", new java.io.IOException("disk gone"));
    Failure f = Failure.of(wrapped);
    assertEquals(ExitCode.INPUT_CONTRACT, f.exit());
    assertEquals("java.io.IOException: disk gone", f.rootCause());
  }

  @Test
  void anErrorIsAFailureToo() {
    Failure f = Failure.of(new OutOfMemoryError("Java heap space"));
    assertEquals(ExitCode.FAILURE, f.exit());
    assertEquals("java.lang.OutOfMemoryError: Java heap space", f.message());
  }
}
