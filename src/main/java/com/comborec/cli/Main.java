package com.comborec.cli;

import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.core.Failure;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: {@code spark-submit ... comborec.jar <subcommand> [options]}. */
@Command(
    name = "comborec",
    mixinStandardHelpOptions = true,
    version = "comborec 0.1.0",
    description =
        "Nightly recommendations, product combinations, segments and bundles on Spark.%nExit codes:"
            + " 0 published, 1 failure, 2 bad usage or configuration, 3 input contract violated, 4"
            + " data quality gate refused, 5 model quality gate refused.",
    subcommands = {
      NightlyCommand.class,
      RunCommand.class,
      BackfillCommand.class,
      InspectCommand.class,
      MeasureCombosCommand.class,
      BacktestCommand.class,
      TuneCommand.class,
      GenerateCommand.class,
      FinalizeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger("comborec");

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with errors going to {@code err}. */
  public static int execute(PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, cmd.getErr()));
    cli.setParameterExceptionHandler(
        (e, args2) -> {
          e.getCommandLine().getErr().println("comborec: " + e.getMessage());
          e.getCommandLine().usage(e.getCommandLine().getErr());
          return ExitCode.USAGE.code();
        });
    return cli.execute(args);
  }

  /**
   * One clear line and the root cause for the operator; the stack trace of an unexpected failure
   * goes to the log, not to this summary.
   */
  static int handle(Exception e, PrintWriter err) {
    Failure f = Failure.of(e);
    if (!Failure.expected(e) && !(e instanceof ComborecException)) {
      LOG.error("[run] failed: {}", f.message(), e);
    }
    err.println(
        "comborec: "
            + f.exit().manifestStatus()
            + " (exit "
            + f.exit().code()
            + "): "
            + f.message());
    if (f.rootCause() != null && !f.message().contains(f.rootCause())) {
      err.println("comborec: root cause: " + f.rootCause());
    }
    err.flush();
    return f.exit().code();
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
