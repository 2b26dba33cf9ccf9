package com.comborec.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The input, output and work roots, normalised and checked before Spark starts: a relative path
 * becomes absolute, a {@code ..} segment is refused outright (it is how a templated path escapes
 * its root), and only allow-listed URI schemes are accepted.
 */
public record StoragePaths(String input, String output, String work) {

  static StoragePaths from(Settings s) {
    List<String> schemes = s.strings("allowed-schemes");
    String input = normalise(s, "input", schemes);
    String output = normalise(s, "output", schemes);
    String workRaw = s.optionalString("work");
    String work = workRaw == null ? output + "/_work" : normalise(s, "work", schemes);
    s.check(!input.equals(output), "output", "must differ from comborec.input (%s)", input);
    return new StoragePaths(input, output, work);
  }

  static String normalise(Settings s, String key, List<String> allowedSchemes) {
    String raw = s.string(key).trim();
    s.check(!raw.isEmpty(), key, "must not be empty");
    s.check(!raw.contains("\u0000"), key, "must not contain a NUL character");
    for (String segment : raw.split("[/\\\\]")) {
      s.check(!segment.equals(".."), key, "must not contain a '..' segment, got '%s'", raw);
    }
    String scheme = schemeOf(raw);
    if (scheme == null) {
      return Path.of(raw).toAbsolutePath().normalize().toUri().toString().replaceAll("/$", "");
    }
    s.check(
        allowedSchemes.contains(scheme),
        key,
        "scheme '%s' is not allowed (comborec.allowed-schemes = %s), got '%s'",
        scheme,
        allowedSchemes,
        raw);
    try {
      return new URI(raw).normalize().toString().replaceAll("/$", "");
    } catch (URISyntaxException e) {
      throw s.fail(key, "is not a valid URI: %s", e.getMessage());
    }
  }

  /** The URI scheme, or null for a plain local path (a Windows drive letter is not a scheme). */
  static String schemeOf(String raw) {
    int colon = raw.indexOf(':');
    if (colon <= 1) {
      return null;
    }
    String candidate = raw.substring(0, colon);
    return candidate.matches("[A-Za-z][A-Za-z0-9+.-]*") ? candidate.toLowerCase(Locale.ROOT) : null;
  }
}
