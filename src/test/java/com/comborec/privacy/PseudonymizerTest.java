package com.comborec.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HMAC test vectors, pseudonym stability, and where the key may (and may not) come from. */
class PseudonymizerTest {
  static final byte[] KEY_A =
      "a-test-key-of-at-least-32-bytes-0001".getBytes(StandardCharsets.UTF_8);
  static final byte[] KEY_B =
      "a-test-key-of-at-least-32-bytes-0002".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  /** RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?". */
  @Test
  void hmacMatchesRfc4231TestCase2() {
    byte[] mac =
        Pseudonymizer.hmacSha256(
            "Jefe".getBytes(StandardCharsets.US_ASCII),
            "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        HexFormat.of().formatHex(mac),
        "HMAC-SHA-256 of RFC 4231 case 2");
  }

  /** RFC 4231 test case 1: key 0x0b * 20, data "Hi There". */
  @Test
  void hmacMatchesRfc4231TestCase1() {
    byte[] key = new byte[20];
    Arrays.fill(key, (byte) 0x0b);
    byte[] mac = Pseudonymizer.hmacSha256(key, "Hi There".getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        HexFormat.of().formatHex(mac),
        "HMAC-SHA-256 of RFC 4231 case 1");
  }

  /**
   * The pseudonym is the first 32 lowercase hex characters of HMAC(key, UTF-8 id), computed here
   * with javax directly.
   */
  @Test
  void pseudonymIsTruncatedLowercaseHexOfTheHmac() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY_A, "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal("cust-ünïcode-1".getBytes(StandardCharsets.UTF_8)))
            .substring(0, 32);
    String actual = new Pseudonymizer(KEY_A).pseudonym("cust-ünïcode-1");
    assertEquals(expected, actual, "pseudonym");
    assertTrue(actual.matches("[0-9a-f]{32}"), "lowercase hex of 32: " + actual);
    assertNull(new Pseudonymizer(KEY_A).pseudonym(null), "a guest stays null");
  }

  @Test
  void sameKeyAndIdGiveTheSamePseudonymDifferentKeysDiffer() throws Exception {
    Pseudonymizer a = new Pseudonymizer(KEY_A);
    assertEquals(
        a.pseudonym("u1"), new Pseudonymizer(KEY_A.clone()).pseudonym("u1"), "same key, same id");
    assertNotEquals(a.pseudonym("u1"), a.pseudonym("u2"), "different ids");
    assertNotEquals(a.pseudonym("u1"), new Pseudonymizer(KEY_B).pseudonym("u1"), "different keys");
    assertEquals(
        a.pseudonym("u1"), roundTrip(a).pseudonym("u1"), "after Java serialization (a broadcast)");
  }

  @Test
  void toStringShowsTheKeyIdNeverTheKey() {
    Pseudonymizer a = new Pseudonymizer(KEY_A);
    assertTrue(a.toString().contains(a.keyId()), a.toString());
    assertFalse(
        a.toString().contains(new String(KEY_A, StandardCharsets.UTF_8)), "key in toString");
    assertNotEquals(a.keyId(), new Pseudonymizer(KEY_B).keyId(), "key ids of different keys");
  }

  @Test
  void keyComesFromTheEnvironmentVariable() {
    PrivacySettings p = new PrivacySettings(true, "MY_KEY", "", 0);
    byte[] key =
        PseudonymKeys.load(
            p, Map.of("MY_KEY", new String(KEY_A, StandardCharsets.UTF_8) + "\n")::get);
    assertEquals(
        new String(KEY_A, StandardCharsets.UTF_8),
        new String(key, StandardCharsets.UTF_8),
        "trailing newline dropped");
    ComborecException unset =
        assertThrows(
            ComborecException.class, () -> PseudonymKeys.load(p, Map.<String, String>of()::get));
    assertEquals(ExitCode.USAGE, unset.exitCode(), "unset variable: exit 2");
    assertTrue(unset.getMessage().contains("MY_KEY"), unset.getMessage());
    ComborecException tooShort =
        assertThrows(
            ComborecException.class, () -> PseudonymKeys.load(p, Map.of("MY_KEY", "short")::get));
    assertEquals(ExitCode.USAGE, tooShort.exitCode(), "short key: exit 2");
    assertFalse(
        tooShort.getMessage().contains("short"), "the key is not echoed: " + tooShort.getMessage());
  }

  @Test
  void keyFileWinsAndAMissingFileIsNotEchoed() throws Exception {
    Path file = dir.resolve("key");
    Files.write(
        file,
        (new String(KEY_B, StandardCharsets.UTF_8) + "\r\n").getBytes(StandardCharsets.UTF_8));
    PrivacySettings p = new PrivacySettings(true, "MY_KEY", file.toString(), 0);
    assertEquals(
        new String(KEY_B, StandardCharsets.UTF_8),
        new String(
            PseudonymKeys.load(p, Map.of("MY_KEY", new String(KEY_A, StandardCharsets.UTF_8))::get),
            StandardCharsets.UTF_8),
        "key-file wins over key-env");
    String pasted = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    ComborecException e =
        assertThrows(
            ComborecException.class,
            () ->
                PseudonymKeys.load(
                    new PrivacySettings(true, "MY_KEY", pasted, 0), Map.<String, String>of()::get));
    assertEquals(ExitCode.USAGE, e.exitCode(), "missing key file: exit 2");
    assertFalse(
        e.getMessage().contains(pasted),
        "a key pasted as key-file is not echoed: " + e.getMessage());
  }

  private static Pseudonymizer roundTrip(Pseudonymizer p) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (Pseudonymizer) in.readObject();
    }
  }
}
