package com.comborec.privacy;

import com.comborec.core.ComborecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads the pseudonymisation key from the configured file or environment variable. The key is the
 * file's or variable's content byte for byte, trailing whitespace (a final newline) removed; {@code
 * openssl rand -hex 32} makes a good one. Messages name where the key was looked for, never what
 * was found.
 */
public final class PseudonymKeys {
  /** RFC 2104 advises a key at least as long as the hash output (32 bytes for SHA-256). */
  public static final int MIN_KEY_BYTES = 32;

  private PseudonymKeys() {}

  /** The key bytes: from key-file when it is set, else from the environment variable key-env. */
  public static byte[] load(PrivacySettings p, Function<String, String> env) {
    byte[] key = p.keyFile().isEmpty() ? fromEnv(p.keyEnv(), env) : fromFile(p.keyFile());
    if (key.length < MIN_KEY_BYTES) {
      throw ComborecException.usage(
          "the pseudonymisation key from %s holds %d bytes; at least %d are needed "
              + "(e.g. openssl rand -hex 32)",
          source(p), key.length, MIN_KEY_BYTES);
    }
    return key;
  }

  /** The pseudonymizer of a run with pseudonymisation on. */
  public static Pseudonymizer pseudonymizer(PrivacySettings p) {
    return new Pseudonymizer(load(p, System::getenv));
  }

  private static byte[] fromEnv(String name, Function<String, String> env) {
    String value = env.apply(name);
    if (value == null || value.isBlank()) {
      throw ComborecException.usage(
          "comborec.privacy.pseudonymize is on, but the environment variable %s "
              + "(comborec.privacy.key-env) is not set",
          name);
    }
    return trimEnd(value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] fromFile(String path) {
    Path file = Path.of(path);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      // The value is not repeated: an operator who pasted the key here must not see it in a log.
      throw ComborecException.usage(
          "configuration key 'comborec.privacy.key-file': no readable file at the "
              + "configured path (not shown, in case it is a key rather than a path)");
    }
    try {
      return trimEnd(Files.readAllBytes(file));
    } catch (IOException e) {
      throw ComborecException.usage(
          "comborec.privacy.key-file cannot be read: %s", e.getClass().getSimpleName());
    }
  }

  private static byte[] trimEnd(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && Character.isWhitespace(bytes[end - 1])) {
      end--;
    }
    return Arrays.copyOf(bytes, end);
  }

  private static String source(PrivacySettings p) {
    return p.keyFile().isEmpty()
        ? "environment variable " + p.keyEnv()
        : "comborec.privacy.key-file";
  }
}
