package com.comborec.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, stable pseudonyms: HMAC-SHA256(key, UTF-8 id) as lowercase hex, cut to 32 characters (128
 * bits, so a collision among even a billion users has odds below 1e-20). The same key and id always
 * give the same pseudonym, across runs and machines; without the key a pseudonym can neither be
 * reversed nor recomputed from a guessed id, which a plain hash would allow.
 *
 * <p>Serializable so Spark can broadcast it; one {@link Mac} per thread, since a broadcast value is
 * shared by the concurrent tasks of an executor and a Mac is not thread-safe.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int HEX_LENGTH = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] KEY_ID_MESSAGE =
      "comborec-pseudonym-key-id".getBytes(StandardCharsets.UTF_8);

  private final byte[] key;
  private transient ThreadLocal<Mac> macs;

  public Pseudonymizer(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("a pseudonymisation key must not be empty");
    }
    this.key = key.clone();
  }

  /** The pseudonym of an id; null (a guest) stays null. */
  public String pseudonym(String id) {
    if (id == null) {
      return null;
    }
    byte[] mac = mac().doFinal(id.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac).substring(0, HEX_LENGTH);
  }

  /**
   * A short public fingerprint of the key (8 hex characters of an HMAC of a fixed text), for the
   * manifest: it tells which key made a run's pseudonyms, e.g. after a rotation, and reveals
   * nothing about the key.
   */
  public String keyId() {
    return HexFormat.of().formatHex(mac().doFinal(KEY_ID_MESSAGE)).substring(0, 8);
  }

  /** Plain HMAC-SHA256, exposed for the RFC 4231 test vectors. */
  public static byte[] hmacSha256(byte[] key, byte[] message) {
    return newMac(key).doFinal(message);
  }

  @Override
  public String toString() {
    // Never the key: this object ends up in logs and Spark's closure descriptions.
    return "Pseudonymizer[key id " + keyId() + "]";
  }

  private Mac mac() {
    ThreadLocal<Mac> local = macs;
    if (local == null) {
      synchronized (this) {
        if (macs == null) {
          macs = ThreadLocal.withInitial(() -> newMac(key));
        }
        local = macs;
      }
    }
    return local.get();
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
