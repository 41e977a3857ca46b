package dev.tradeflow.audit.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** A SHA-256 hash in a Merkle tree: a leaf's, a node's or a root's. Immutable. */
public final class Hash {

  public static final int LENGTH = 32;

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of these 32 bytes as a hash. */
  public static Hash of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "a SHA-256 hash has " + LENGTH + " bytes, not " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  /** From 64 hexadecimal digits. */
  public static Hash fromHex(String hex) {
    String digits = hex.strip();
    if (digits.length() != 2 * LENGTH) {
      throw new IllegalArgumentException(
          "a SHA-256 hash is " + 2 * LENGTH + " hex digits, not " + digits.length() + ": " + hex);
    }
    return new Hash(HexFormat.of().parseHex(digits));
  }

  /** From standard base64, as in a checkpoint's root line. */
  public static Hash fromBase64(String base64) {
    return of(Base64.getDecoder().decode(base64));
  }

  static Hash digest(MessageDigest sha256) {
    return new Hash(sha256.digest());
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  void writeTo(MessageDigest sha256) {
    sha256.update(bytes);
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
