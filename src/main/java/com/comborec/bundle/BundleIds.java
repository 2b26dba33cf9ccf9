package com.comborec.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Stable bundle ids: {@code "b_"} + the first 16 hex digits of SHA-256 over the sorted item ids
 * joined by '|'. The same item set gets the same id on every run, in any order, so feedback on a
 * bundle can be joined back across days.
 */
public final class BundleIds {
  private BundleIds() {}

  public static String of(Collection<String> itemIds) {
    List<String> sorted = new ArrayList<>(itemIds);
    sorted.sort(null);
    byte[] digest = sha256(String.join("|", sorted));
    return "b_" + HexFormat.of().formatHex(digest, 0, 8);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
