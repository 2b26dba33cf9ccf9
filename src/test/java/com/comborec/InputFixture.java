package com.comborec;

import com.comborec.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a small input tree in the contract layout inside a temp folder, and runs the CLI on it
 * in-process (on the shared test SparkSession), capturing the exit code and error text.
 */
public final class InputFixture {
  public final Path input;
  public final Path output;

  public InputFixture(Path root) {
    this.input = root.resolve("in");
    this.output = root.resolve("out");
  }

  /** Writes {@code <input>/<source>/dt=<day>/<file>} with the given lines joined by '\n'. */
  public InputFixture file(String source, String day, String file, String... lines) {
    return bytes(
        source, day, file, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
  }

  public InputFixture gzip(String source, String day, String file, String... lines) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      gz.write(String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes(source, day, file, buf.toByteArray());
  }

  public InputFixture bytes(String source, String day, String file, byte[] content) {
    try {
      Path dir = input.resolve(source).resolve("dt=" + day);
      Files.createDirectories(dir);
      Files.write(dir.resolve(file), content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of one CLI run. */
  public record Result(int exitCode, String err) {}

  /** Runs {@code comborec <command> --date D} on this fixture with extra --set overrides. */
  public Result run(String command, String day, String... sets) {
    TestSpark.session();
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(
        List.of(
            "--date",
            day,
            "--set",
            "input=\"" + input + "\"",
            "--set",
            "output=\"" + output + "\""));
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(err, true), args.toArray(String[]::new));
    return new Result(code, err.toString());
  }
}
