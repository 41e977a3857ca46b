package dev.tradeflow.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 keys as the raw 32 bytes of signed notes, to and from the JDK's encodings: a public key
 * is its X.509 form less a fixed 12-byte prefix, a private key its PKCS#8 form less a fixed 16-byte
 * prefix (RFC 8410).
 */
final class Ed25519 {

  static final int KEY_LENGTH = 32;
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] PKCS8_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");

  private Ed25519() {}

  static byte[] rawPublic(PublicKey key) {
    return strip(key.getEncoded(), X509_PREFIX, "public");
  }

  static byte[] rawPrivate(PrivateKey key) {
    return strip(key.getEncoded(), PKCS8_PREFIX, "private");
  }

  static PublicKey publicKey(byte[] raw) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, check(raw))));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  static PrivateKey privateKey(byte[] seed) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, check(seed))));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
    }
  }

  private static byte[] check(byte[] raw) {
    if (raw.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "an Ed25519 key has " + KEY_LENGTH + " bytes, not " + raw.length);
    }
    return raw;
  }

  private static byte[] strip(byte[] encoded, byte[] prefix, String kind) {
    if (encoded.length != prefix.length + KEY_LENGTH
        || !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
      throw new IllegalArgumentException("not an Ed25519 " + kind + " key");
    }
    return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
