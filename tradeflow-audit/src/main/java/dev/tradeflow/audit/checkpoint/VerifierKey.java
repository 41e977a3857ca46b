package dev.tradeflow.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An Ed25519 public key that checks signed notes (C2SP signed-note), written as {@code <name>+<key
 * id, 8 hex digits>+<base64 of 0x01 and the 32-byte key>}, the form Go's sumdb/note and the
 * transparency-dev tools read. The key id is the first four bytes of SHA-256(name, a newline, 0x01,
 * the key).
 */
public final class VerifierKey {

  static final byte ED25519 = 0x01;

  private final String name;
  private final int keyId;
  private final byte[] raw;
  private final PublicKey key;

  VerifierKey(String name, byte[] raw) {
    this.name = checkName(name);
    this.raw = raw.clone();
    this.key = Ed25519.publicKey(raw);
    this.keyId = keyId(name, raw);
  }

  /**
   * Reads the text form.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static VerifierKey parse(String text) {
    String[] parts = text.strip().split("\\+", 3);
    if (parts.length != 3 || parts[1].length() != 8) {
      throw new IllegalArgumentException(
          "a verifier key reads <name>+<8 hex digits>+<base64 key>, not: " + text.strip());
    }
    byte[] typed;
    try {
      typed = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the verifier key's key is not base64: " + parts[2], e);
    }
    if (typed.length != 1 + Ed25519.KEY_LENGTH || typed[0] != ED25519) {
      throw new IllegalArgumentException(
          "the verifier key of " + parts[0] + " is not an Ed25519 key (type 0x01, 32 bytes)");
    }
    VerifierKey key = new VerifierKey(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
    if (!key.keyIdHex().equals(parts[1])) {
      throw new IllegalArgumentException(
          "the verifier key of "
              + parts[0]
              + " names key id "
              + parts[1]
              + " but its key's id is "
              + key.keyIdHex());
    }
    return key;
  }

  public String name() {
    return name;
  }

  public int keyId() {
    return keyId;
  }

  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  /** True when {@code signature} is this key's over {@code text}. */
  boolean verifies(byte[] text, byte[] signature) {
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initVerify(key);
      ed25519.update(text);
      return ed25519.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // a malformed signature is no signature
    }
  }

  @Override
  public String toString() {
    byte[] typed = new byte[1 + raw.length];
    typed[0] = ED25519;
    System.arraycopy(raw, 0, typed, 1, raw.length);
    return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifierKey that
        && name.equals(that.name)
        && Arrays.equals(raw, that.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(raw));
  }

  static int keyId(String name, byte[] raw) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(name.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) '\n');
      sha256.update(ED25519);
      sha256.update(raw);
      byte[] digest = sha256.digest();
      return ((digest[0] & 0xff) << 24)
          | ((digest[1] & 0xff) << 16)
          | ((digest[2] & 0xff) << 8)
          | (digest[3] & 0xff);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** A key name: not empty, no white space, no '+' (C2SP signed-note). */
  static String checkName(String name) {
    if (name.isEmpty()
        || name.contains("+")
        || name.codePoints().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "a key name is not empty and holds no space and no '+': '" + name + "'");
    }
    return name;
  }
}
