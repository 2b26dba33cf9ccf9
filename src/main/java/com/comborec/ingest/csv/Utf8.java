package com.comborec.ingest.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of one record's bytes: invalid sequences (stray continuation bytes,
 * overlong forms, surrogates, truncated sequences) are reported, never replaced by U+FFFD, so a
 * corrupt id cannot become a plausible-looking value.
 */
final class Utf8 {
  private final CharsetDecoder strict =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** The text of {@code bytes[off, off + len)}, or null when it is not valid UTF-8. */
  String decode(byte[] bytes, int off, int len, boolean ascii) {
    if (ascii) {
      // Pure ASCII decodes the same in every ASCII-compatible charset; Latin-1 is a plain copy.
      return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
    }
    try {
      return strict.reset().decode(ByteBuffer.wrap(bytes, off, len)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The bytes as text, each byte of an invalid sequence written as {@code \xNN}. */
  String escaped(byte[] bytes, int off, int len) {
    ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
    CharBuffer out = CharBuffer.allocate(len + 16);
    StringBuilder text = new StringBuilder(len + 16);
    strict.reset();
    while (true) {
      CoderResult r = strict.decode(in, out, true);
      out.flip();
      text.append(out);
      out.clear();
      if (r.isError()) {
        for (int i = 0; i < r.length(); i++) {
          text.append(String.format("\\x%02X", in.get() & 0xFF));
        }
      } else if (r.isUnderflow()) {
        strict.flush(out);
        out.flip();
        return text.append(out).toString();
      }
    }
  }

  /** The offset (within the range) of the first byte that is not valid UTF-8, or -1. */
  int firstInvalid(byte[] bytes, int off, int len) {
    ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
    CharBuffer out = CharBuffer.allocate(len + 16);
    strict.reset();
    while (true) {
      CoderResult r = strict.decode(in, out, true);
      out.clear();
      if (r.isError()) {
        return in.position() - off;
      }
      if (r.isUnderflow()) {
        return -1;
      }
    }
  }
}
